using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Data.Configurations;

public sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.ToTable("evidence_items");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        // A lived-experience story can say a great deal about one person's health, and its source and link can name them.
        builder.Property(e => e.Source).HasMaxLength(EvidenceItem.SourceMaxLength).IsRequired().IsPersonalText();
        builder.Property(e => e.Summary).HasMaxLength(EvidenceItem.SummaryMaxLength).IsRequired().IsPersonalText();
        builder.Property(e => e.Link).HasMaxLength(EvidenceItem.LinkMaxLength).IsPersonalText();
        builder.Property(e => e.AddedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasIndex(e => new { e.CycleId, e.AddedAt });
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
