using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Data.Configurations;

public sealed class ProviderReturnConfiguration : IEntityTypeConfiguration<ProviderReturn>
{
    public void Configure(EntityTypeBuilder<ProviderReturn> builder)
    {
        builder.ToTable("monitoring_returns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        // Two people of one provider saving the return at once: one wins and the other is told (R8).
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.Latest);
        builder.Ignore(r => r.Submitted);
        builder.Ignore(r => r.IsSubmitted);
        builder.Ignore(r => r.IsBeingCorrected);

        // One return an organisation a period.
        builder.HasIndex(r => new { r.MonitoringId, r.PeriodId, r.OrganisationId }).IsUnique();
        builder.HasIndex(r => r.CycleId);
        builder.HasOne<CycleMonitoring>().WithMany().HasForeignKey(r => r.MonitoringId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(r => r.Revisions, revisions =>
        {
            revisions.ToTable("monitoring_return_revisions");
            revisions.WithOwner().HasForeignKey("ReturnId");
            revisions.HasKey("ReturnId", nameof(ReturnRevision.Number));
            revisions.Property(v => v.Number).ValueGeneratedNever();
            revisions.Property(v => v.Reason).HasMaxLength(ReturnRevision.ReasonMaxLength).IsPersonalText();
            // What people who use the service changed, and their forum's minutes, can say a great deal about them.
            revisions.Property(v => v.CoProductionEvidence).HasMaxLength(ReturnRevision.CoProductionEvidenceMaxLength).IsRequired().IsPersonalText();
            revisions.Property(v => v.ForumMinutes).HasMaxLength(ReturnRevision.ForumMinutesMaxLength).IsRequired().IsPersonalText();
            revisions.Property(v => v.Exceptions).HasMaxLength(ReturnRevision.ExceptionsMaxLength).IsRequired().IsPersonalText();
            revisions.Property(v => v.StartedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            revisions.Property(v => v.LastSavedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            revisions.Property(v => v.SubmittedByUserId).HasMaxLength(UserIds.MaxLength);
            revisions.Ignore(v => v.IsSubmitted);

            revisions.OwnsMany(v => v.Ratings, ratings =>
            {
                ratings.ToTable("monitoring_return_ratings");
                ratings.WithOwner().HasForeignKey("ReturnId", "RevisionNumber");
                ratings.HasKey("ReturnId", "RevisionNumber", nameof(ReturnOutcomeRating.OutcomeId));
                ratings.Property(o => o.OutcomeId).ValueGeneratedNever();
                // Evidence for an "I" statement quotes what people said about the service.
                ratings.Property(o => o.Evidence).HasMaxLength(ReturnRevision.EvidenceMaxLength).IsRequired().IsPersonalText();
            });
            revisions.Navigation(v => v.Ratings).HasField("_ratings").UsePropertyAccessMode(PropertyAccessMode.Field);

            revisions.OwnsMany(v => v.KpiValues, values =>
            {
                values.ToTable("monitoring_return_kpi_values");
                values.WithOwner().HasForeignKey("ReturnId", "RevisionNumber");
                values.HasKey("ReturnId", "RevisionNumber", nameof(ReturnKpiValue.KpiId));
                values.Property(k => k.KpiId).ValueGeneratedNever();
                values.Property(k => k.Value).HasPrecision(Kpi.TargetPrecision, Kpi.TargetScale);
                values.Property(k => k.Note).HasMaxLength(ReturnRevision.NoteMaxLength).IsRequired().IsPersonalText();
            });
            revisions.Navigation(v => v.KpiValues).HasField("_kpiValues").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(r => r.Revisions).HasField("_revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
