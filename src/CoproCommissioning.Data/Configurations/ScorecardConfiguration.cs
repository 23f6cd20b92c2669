using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Data.Configurations;

public sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> builder)
    {
        builder.ToTable("procurement_scorecards");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // The evaluator scoring in two tabs: one save wins and the other is told (R8).
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.IsSubmitted);

        // One scorecard an evaluator.
        builder.HasIndex(s => new { s.ProcurementId, s.EvaluatorId }).IsUnique();
        builder.HasOne<CycleProcurement>().WithMany().HasForeignKey(s => s.ProcurementId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(s => s.Scores, scores =>
        {
            scores.ToTable("procurement_scores");
            scores.WithOwner().HasForeignKey("ScorecardId");
            scores.HasKey("ScorecardId", nameof(Score.BidId), nameof(Score.CriterionId));
            // A lived-experience evaluator's comment can draw on their own experience of services.
            scores.Property(s => s.Comment).HasMaxLength(Score.CommentMaxLength).IsRequired().IsPersonalText();
        });
        builder.Navigation(s => s.Scores).HasField("_scores").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
