using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Data.Configurations;

public sealed class CycleMonitoringConfiguration : IEntityTypeConfiguration<CycleMonitoring>
{
    public void Configure(EntityTypeBuilder<CycleMonitoring> builder)
    {
        builder.ToTable("monitoring_contracts");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.CreatedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(m => m.Value).HasPrecision(CycleMonitoring.ValuePrecision, CycleMonitoring.ValueScale);
        builder.Property(m => m.ExtensionOptions).HasMaxLength(CycleMonitoring.ExtensionOptionsMaxLength).IsRequired();
        // PostgreSQL's xmin: two commissioners changing the contract, its KPIs or a review at once, one wins and the other is told (R8).
        builder.Property(m => m.Version).IsRowVersion();
        builder.Ignore(m => m.Kpis);
        builder.Ignore(m => m.Commitments);
        builder.Ignore(m => m.IsAlliance);
        builder.Ignore(m => m.ReturningOrganisationIds);
        builder.Ignore(m => m.LeadOrganisationId);
        builder.Ignore(m => m.Warnings);
        builder.Ignore(m => m.LastReviewedPeriod);

        // One contract per cycle, made from its procurement's award.
        builder.HasIndex(m => m.CycleId).IsUnique();
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(m => m.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CycleProcurement>().WithMany().HasForeignKey(m => m.ProcurementId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(m => m.Parties, parties =>
        {
            parties.ToTable("monitoring_parties");
            parties.WithOwner().HasForeignKey("MonitoringId");
            parties.Property<int>("Id");
            parties.HasKey("Id");
        });
        builder.Navigation(m => m.Parties).HasField("_parties").UsePropertyAccessMode(PropertyAccessMode.Field);

        // An entity rather than owned, so its rating levels can be a complex type as in the specification; loaded with the contract.
        builder.HasMany(m => m.Outcomes).WithOne().HasForeignKey("MonitoringId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Outcomes).HasField("_outcomes").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        // Providers' KPIs and the commissioner's commitments in one list: they are monitored alike.
        builder.OwnsMany<Kpi>("_kpis", kpis =>
        {
            kpis.ToTable("monitoring_kpis");
            kpis.WithOwner().HasForeignKey("MonitoringId");
            kpis.HasKey(k => k.Id);
            kpis.Property(k => k.Id).ValueGeneratedNever();
            kpis.Property(k => k.Name).HasMaxLength(Kpi.NameMaxLength).IsRequired();
            kpis.Property(k => k.Definition).HasMaxLength(Kpi.DefinitionMaxLength).IsRequired();
            kpis.Property(k => k.Target).HasPrecision(Kpi.TargetPrecision, Kpi.TargetScale);
            kpis.Property(k => k.Unit).HasMaxLength(Kpi.UnitMaxLength).IsRequired();
            kpis.Property(k => k.DataSource).HasMaxLength(Kpi.DataSourceMaxLength).IsRequired();
        });

        builder.OwnsMany(m => m.Periods, periods =>
        {
            periods.ToTable("monitoring_periods");
            periods.WithOwner().HasForeignKey("MonitoringId");
            periods.HasKey(p => p.Id);
            periods.Property(p => p.Id).ValueGeneratedNever();
        });
        builder.Navigation(m => m.Periods).HasField("_periods").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.CommitmentResults, results =>
        {
            results.ToTable("monitoring_commitment_results");
            results.WithOwner().HasForeignKey("MonitoringId");
            results.Property<int>("Id");
            results.HasKey("Id");
            results.Property(r => r.Value).HasPrecision(Kpi.TargetPrecision, Kpi.TargetScale);
            // How the commissioner kept a commitment can name the staff or people involved.
            results.Property(r => r.Note).HasMaxLength(CommitmentResult.NoteMaxLength).IsRequired().IsPersonalText();
            results.Property(r => r.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        });
        builder.Navigation(m => m.CommitmentResults).HasField("_results").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.Explanations, explanations =>
        {
            explanations.ToTable("monitoring_return_explanations");
            explanations.WithOwner().HasForeignKey("MonitoringId");
            explanations.Property<int>("Id");
            explanations.HasKey("Id");
            // Why a provider could not report can be about the people of its service (a manager off sick).
            explanations.Property(e => e.Text).HasMaxLength(ReturnExplanation.TextMaxLength).IsRequired().IsPersonalText();
            explanations.Property(e => e.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        });
        builder.Navigation(m => m.Explanations).HasField("_explanations").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.Reviews, reviews =>
        {
            reviews.ToTable("monitoring_reviews");
            reviews.WithOwner().HasForeignKey("MonitoringId");
            reviews.HasKey(r => r.Id);
            reviews.Property(r => r.Id).ValueGeneratedNever();
            // Minutes, like a decision's rationale, name the people present and quote what they said.
            reviews.Property(r => r.OthersPresent).HasMaxLength(Review.OthersPresentMaxLength).IsRequired().IsPersonalText();
            reviews.Property(r => r.Minutes).HasMaxLength(Review.MinutesMaxLength).IsRequired().IsPersonalText();
            reviews.Property(r => r.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            reviews.Property(r => r.DecidedByUserId).HasMaxLength(UserIds.MaxLength);
            reviews.Property(r => r.ImpactOnCurrentUsers).HasMaxLength(Review.DecommissionTextMaxLength).IsPersonalText();
            reviews.Property(r => r.TransitionPlan).HasMaxLength(Review.DecommissionTextMaxLength).IsPersonalText();
            reviews.Property(r => r.EngagementTest).HasMaxLength(Review.DecommissionTextMaxLength).IsPersonalText();
            reviews.Property(r => r.PatientChoiceTest).HasMaxLength(Review.DecommissionTextMaxLength).IsPersonalText();
            reviews.Property(r => r.ClinicalEvidenceTest).HasMaxLength(Review.DecommissionTextMaxLength).IsPersonalText();
            reviews.Property(r => r.ClinicalCommissionerSupportTest).HasMaxLength(Review.DecommissionTextMaxLength).IsPersonalText();
            reviews.Ignore(r => r.IsDecided);
            reviews.PrimitiveCollection(r => r.PeriodIds).HasField("_periodIds").UsePropertyAccessMode(PropertyAccessMode.Field);
            reviews.OwnsMany(r => r.Participants, participants =>
            {
                participants.ToTable("monitoring_review_participants");
                participants.WithOwner().HasForeignKey("ReviewId");
                participants.Property<int>("Id");
                participants.HasKey("Id");
                participants.Property(p => p.UserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            });
            reviews.Navigation(r => r.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
            reviews.OwnsMany(r => r.Citations, citations =>
            {
                citations.ToTable("monitoring_review_citations");
                citations.WithOwner().HasForeignKey("ReviewId");
                citations.HasKey("ReviewId", nameof(ReviewCitation.Kind), nameof(ReviewCitation.SourceId));
            });
            reviews.Navigation(r => r.Citations).HasField("_citations").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(m => m.Reviews).HasField("_reviews").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ContractOutcomeConfiguration : IEntityTypeConfiguration<ContractOutcome>
{
    public void Configure(EntityTypeBuilder<ContractOutcome> builder)
    {
        builder.ToTable("monitoring_outcomes");
        builder.Property<Guid>("MonitoringId");
        builder.HasKey("MonitoringId", nameof(ContractOutcome.OutcomeId));
        builder.Property(o => o.OutcomeId).ValueGeneratedNever();
        // Copied from the specification's outcome framework, written as people would say it.
        builder.Property(o => o.Statement).HasMaxLength(OutcomeSnapshot.StatementMaxLength).IsRequired().IsPersonalText();
        builder.Property(o => o.Measure).HasMaxLength(OutcomeSnapshot.MeasureMaxLength).IsRequired().IsPersonalText();
        builder.ComplexProperty(o => o.Levels, levels =>
        {
            Level(levels.Property(l => l.Poor), "level_poor");
            Level(levels.Property(l => l.Fair), "level_fair");
            Level(levels.Property(l => l.Good), "level_good");
            Level(levels.Property(l => l.Stretch), "level_stretch");
            Level(levels.Property(l => l.Outstanding), "level_outstanding");
        });
    }

    // A level describes what people experience at it, as the statement does.
    private static void Level(ComplexTypePropertyBuilder<string> level, string column) =>
        level.HasColumnName(column).HasMaxLength(RatingLevels.DescriptionMaxLength).IsRequired().IsPersonalText();
}
