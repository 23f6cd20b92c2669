using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Data.Configurations;

public sealed class IdentifiedNeedConfiguration : IEntityTypeConfiguration<IdentifiedNeed>
{
    public void Configure(EntityTypeBuilder<IdentifiedNeed> builder)
    {
        builder.ToTable("identified_needs");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        // A need is often put in the words of the lived experience it comes from.
        builder.Property(n => n.Statement).HasMaxLength(IdentifiedNeed.StatementMaxLength).IsRequired().IsPersonalText();
        builder.Property(n => n.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(n => n.Version).IsRowVersion();
        builder.HasIndex(n => n.CycleId);
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(n => n.CycleId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(n => n.SupportingEvidence, evidence =>
        {
            evidence.ToTable("identified_need_evidence");
            evidence.WithOwner().HasForeignKey("IdentifiedNeedId");
            evidence.Property<int>("Id");
            evidence.HasKey("Id");
            evidence.HasIndex("IdentifiedNeedId", nameof(SupportingEvidence.EvidenceItemId)).IsUnique();
            // Evidence behind a need is not removed from under it.
            evidence.HasOne<EvidenceItem>().WithMany().HasForeignKey(e => e.EvidenceItemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(n => n.SupportingEvidence).HasField("_supportingEvidence").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
