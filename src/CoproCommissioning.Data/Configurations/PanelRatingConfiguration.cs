using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Data.Configurations;

public sealed class PanelRatingConfiguration : IEntityTypeConfiguration<PanelRating>
{
    public void Configure(EntityTypeBuilder<PanelRating> builder)
    {
        builder.ToTable("monitoring_panel_ratings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.MemberUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(r => r.RecordedByUserId).HasMaxLength(UserIds.MaxLength);
        builder.Property(r => r.LastChangedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // The member in two tabs, or the champion logging on their behalf while they change it: one wins, the other is told (R8).
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.IsLoggedOnBehalf);

        // One rating a member a period.
        builder.HasIndex(r => new { r.MonitoringId, r.PeriodId, r.MemberUserId }).IsUnique();
        builder.HasIndex(r => r.CycleId);
        builder.HasOne<CycleMonitoring>().WithMany().HasForeignKey(r => r.MonitoringId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(r => r.Ratings, ratings =>
        {
            ratings.ToTable("monitoring_panel_outcome_ratings");
            ratings.WithOwner().HasForeignKey("PanelRatingId");
            ratings.HasKey("PanelRatingId", nameof(PanelOutcomeRating.OutcomeId));
            ratings.Property(o => o.OutcomeId).ValueGeneratedNever();
            // "What it's like" is a person's own experience of the service.
            ratings.Property(o => o.WhatItsLike).HasMaxLength(PanelOutcomeRating.WhatItsLikeMaxLength).IsRequired().IsPersonalText();
        });
        builder.Navigation(r => r.Ratings).HasField("_ratings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
