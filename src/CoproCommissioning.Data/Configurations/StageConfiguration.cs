namespace CoproCommissioning.Data.Configurations;

public sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> builder)
    {
        builder.ToTable("stages");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex("CycleId", nameof(Stage.Kind)).IsUnique();
        // Rule helpers computed from the contributions, not relationships of their own.
        builder.Ignore(s => s.LivedExperienceContributions);
        builder.Ignore(s => s.UnansweredLivedExperienceContributions);

        builder.HasMany(s => s.Contributions).WithOne().HasForeignKey("StageId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Contributions).HasField("_contributions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(s => s.Decisions).WithOne().HasForeignKey("StageId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(s => s.History).WithOne().HasForeignKey("StageId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
