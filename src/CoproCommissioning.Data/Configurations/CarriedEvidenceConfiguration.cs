using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Data.Configurations;

public sealed class CarriedEvidenceConfiguration : IEntityTypeConfiguration<CarriedEvidence>
{
    public void Configure(EntityTypeBuilder<CarriedEvidence> builder)
    {
        builder.ToTable("carried_evidence");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CarriedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.HasIndex(c => c.CycleId);
        // The earlier cycle asks "what did the next cycle take from me?".
        builder.HasIndex(c => c.FromCycleId);
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(c => c.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        // The earlier cycle is history the new one points back to; deleting it must not be blocked or cascade forward.
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(c => c.FromCycleId).OnDelete(DeleteBehavior.Restrict);
    }
}
