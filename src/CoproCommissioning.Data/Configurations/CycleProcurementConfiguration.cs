using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Data.Configurations;

public sealed class CycleProcurementConfiguration : IEntityTypeConfiguration<CycleProcurement>
{
    public void Configure(EntityTypeBuilder<CycleProcurement> builder)
    {
        builder.ToTable("procurements");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(p => p.RouteChosenByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(p => p.ConflictsAssessedByUserId).HasMaxLength(UserIds.MaxLength);
        // Reasons, like a decision's rationale, can name the people involved (the provider's manager, an officer's interest).
        builder.Property(p => p.RouteReason).HasMaxLength(CycleProcurement.ReasonMaxLength).IsRequired().IsPersonalText();
        builder.Property(p => p.Justification).HasMaxLength(CycleProcurement.ReasonMaxLength).IsPersonalText();
        builder.Property(p => p.ConflictsAssessment).HasMaxLength(CycleProcurement.ReasonMaxLength).IsPersonalText();
        // PostgreSQL's xmin: two commissioners changing the criteria or the panel at once, one wins and the other is told (R8).
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.IsCompetitive);
        builder.Ignore(p => p.IsBiddingOpen);
        builder.Ignore(p => p.WeightTotal);
        builder.Ignore(p => p.Warnings);
        builder.Ignore(p => p.IsAwardRecorded);
        builder.Ignore(p => p.NeedsStandstill);
        builder.Ignore(p => p.IsIntentionPublished);
        builder.Property(p => p.AwardRecordedByUserId).HasMaxLength(UserIds.MaxLength);
        builder.Property(p => p.ProceedReason).HasMaxLength(CycleProcurement.ReasonMaxLength).IsPersonalText();
        builder.PrimitiveCollection(p => p.AwardedOrganisationIds).HasField("_awardedOrganisationIds").UsePropertyAccessMode(PropertyAccessMode.Field);

        // One procurement per cycle.
        builder.HasIndex(p => p.CycleId).IsUnique();
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsOne(p => p.Answers, answers =>
        {
            answers.Property(a => a.ExistingProvider).HasColumnName("existing_provider");
            answers.Property(a => a.OnlyCapableProvider).HasColumnName("only_capable_provider");
            answers.Property(a => a.UnrestrictedChoice).HasColumnName("unrestricted_choice");
            answers.Property(a => a.SatisfactoryAndNoConsiderableChange).HasColumnName("satisfactory_and_no_considerable_change");
            answers.Ignore(a => a.AskOnlyCapable);
            answers.Ignore(a => a.AskUnrestrictedChoice);
            answers.Ignore(a => a.AskSatisfactory);
            answers.Ignore(a => a.IsComplete);
        });
        builder.Navigation(p => p.Answers).IsRequired();

        builder.OwnsMany(p => p.Criteria, criteria =>
        {
            criteria.ToTable("procurement_criteria");
            criteria.WithOwner().HasForeignKey("ProcurementId");
            criteria.HasKey(c => c.Id);
            criteria.Property(c => c.Id).ValueGeneratedNever();
            criteria.Property(c => c.Name).HasMaxLength(EvaluationCriterion.NameMaxLength).IsRequired();
            criteria.Property(c => c.Description).HasMaxLength(EvaluationCriterion.DescriptionMaxLength).IsRequired();
            criteria.PrimitiveCollection(c => c.SectionIds).HasField("_sectionIds").UsePropertyAccessMode(PropertyAccessMode.Field);
            criteria.PrimitiveCollection(c => c.ShapedBy).HasField("_shapedBy").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(p => p.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Evaluators, evaluators =>
        {
            evaluators.ToTable("procurement_evaluators");
            evaluators.WithOwner().HasForeignKey("ProcurementId");
            evaluators.HasKey(e => e.Id);
            evaluators.Property(e => e.Id).ValueGeneratedNever();
            evaluators.Property(e => e.UserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            evaluators.Property(e => e.AddedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            evaluators.Property(e => e.DeclarationAcceptedByUserId).HasMaxLength(UserIds.MaxLength);
            // Who gave the training is a person's name.
            evaluators.Property(e => e.BriefedBy).HasMaxLength(Evaluator.BriefedByMaxLength).IsPersonalText();
            // A declared interest can say where someone volunteers or was treated.
            evaluators.Property(e => e.Interest).HasMaxLength(Evaluator.InterestMaxLength).IsPersonalText();
            evaluators.PrimitiveCollection(e => e.CriterionIds).HasField("_criterionIds").UsePropertyAccessMode(PropertyAccessMode.Field);
            evaluators.PrimitiveCollection(e => e.RestrictedOrganisationIds).HasField("_restrictedOrganisationIds").UsePropertyAccessMode(PropertyAccessMode.Field);
            evaluators.Ignore(e => e.IsBriefed);
            evaluators.Ignore(e => e.HasDeclared);
            evaluators.Ignore(e => e.IsDeclarationAccepted);
            evaluators.Ignore(e => e.HasSteppedDown);
            // One seat on the panel a person.
            evaluators.HasIndex("ProcurementId", nameof(Evaluator.UserId)).IsUnique();
        });
        builder.Navigation(p => p.Evaluators).HasField("_evaluators").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Scale, scale =>
        {
            scale.ToTable("procurement_score_levels");
            scale.WithOwner().HasForeignKey("ProcurementId");
            scale.HasKey("ProcurementId", nameof(ScoreLevel.Score));
            scale.Property(l => l.Score).ValueGeneratedNever();
            scale.Property(l => l.Description).HasMaxLength(ScoreLevel.DescriptionMaxLength).IsRequired();
        });
        builder.Navigation(p => p.Scale).HasField("_scale").UsePropertyAccessMode(PropertyAccessMode.Field);
    
        builder.OwnsMany(p => p.Moderated, moderated =>
        {
            moderated.ToTable("procurement_moderated_scores");
            moderated.WithOwner().HasForeignKey("ProcurementId");
            moderated.HasKey("ProcurementId", nameof(ModeratedScore.BidId), nameof(ModeratedScore.CriterionId));
            moderated.Property(m => m.ModeratedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            // The panel's reasons can name an evaluator or what they said of their own experience.
            moderated.Property(m => m.Reason).HasMaxLength(ModeratedScore.ReasonMaxLength).IsRequired().IsPersonalText();
        });
        builder.Navigation(p => p.Moderated).HasField("_moderated").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Representations, representations =>
        {
            representations.ToTable("procurement_representations");
            representations.WithOwner().HasForeignKey("ProcurementId");
            representations.HasKey(r => r.Id);
            representations.Property(r => r.Id).ValueGeneratedNever();
            representations.Property(r => r.From).HasMaxLength(Representation.FromMaxLength).IsRequired();
            // Representations and answers name the people who wrote them and may quote a bid's staff.
            representations.Property(r => r.Summary).HasMaxLength(Representation.TextMaxLength).IsRequired().IsPersonalText();
            representations.Property(r => r.Answer).HasMaxLength(Representation.TextMaxLength).IsPersonalText();
            representations.Property(r => r.LoggedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
            representations.Property(r => r.AnsweredByUserId).HasMaxLength(UserIds.MaxLength);
            representations.Ignore(r => r.IsAnswered);
        });
        builder.Navigation(p => p.Representations).HasField("_representations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
