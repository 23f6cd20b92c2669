namespace CoproCommissioning.Data.Configurations;

public sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    /// <summary>The shadow key from a stage's contributions, decisions and history to the stage, for queries by stage.</summary>
    public const string StageKey = "StageId";

    public void Configure(EntityTypeBuilder<Stage> builder)
    {
        builder.ToTable("stages");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex("CycleId", nameof(Stage.Kind)).IsUnique();
        // Rule helpers computed from the contributions, not relationships of their own.
        builder.Ignore(s => s.LivedExperienceContributions);
        builder.Ignore(s => s.UnansweredLivedExperienceContributions);

        builder.HasMany(s => s.Contributions).WithOne().HasForeignKey(StageKey).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Contributions).HasField("_contributions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(s => s.Decisions).WithOne().HasForeignKey(StageKey).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(s => s.History).WithOne().HasForeignKey(StageKey).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
