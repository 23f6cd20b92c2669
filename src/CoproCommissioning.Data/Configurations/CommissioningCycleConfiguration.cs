namespace CoproCommissioning.Data.Configurations;

public sealed class CommissioningCycleConfiguration : IEntityTypeConfiguration<CommissioningCycle>
{
    public void Configure(EntityTypeBuilder<CommissioningCycle> builder)
    {
        builder.ToTable("commissioning_cycles");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(CommissioningCycle.TitleMaxLength).IsRequired();
        builder.Property(c => c.ServiceArea).HasMaxLength(CommissioningCycle.ServiceAreaMaxLength).IsRequired();
        builder.Property(c => c.PopulationServed).HasMaxLength(CommissioningCycle.PopulationServedMaxLength).IsRequired();
        builder.Property(c => c.CommissioningOrganisation)
            .HasMaxLength(CommissioningCycle.CommissioningOrganisationMaxLength).IsRequired();
        builder.Property(c => c.Budget).HasPrecision(CommissioningCycle.BudgetPrecision, CommissioningCycle.BudgetScale);
        builder.Property(c => c.ChampionUserId).HasMaxLength(UserIds.MaxLength);
        builder.Property(c => c.CreatedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();

        builder.ComplexProperty(c => c.SignOffPolicy, policy =>
        {
            policy.Property(p => p.MinimumLivedExperienceContributions).HasColumnName("minimum_lived_experience_contributions");
            policy.Property(p => p.MinimumDistinctContributors).HasColumnName("minimum_distinct_contributors");
        });

        // PostgreSQL's xmin: two people changing the same cycle at once, one wins and the other is told (R8).
        builder.Property(c => c.Version).IsRowVersion();

        builder.HasMany(c => c.Stages).WithOne().HasForeignKey("CycleId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Stages).HasField("_stages").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(c => c.History).WithOne().HasForeignKey("CycleId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
