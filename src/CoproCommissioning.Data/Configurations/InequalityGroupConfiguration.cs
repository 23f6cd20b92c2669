using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Data.Configurations;

public sealed class InequalityGroupConfiguration : IEntityTypeConfiguration<InequalityGroup>
{
    public void Configure(EntityTypeBuilder<InequalityGroup> builder)
    {
        builder.ToTable("inequality_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        // A group can be a handful of people in one place, and is described by their health, ethnicity or circumstances.
        builder.Property(g => g.Description).HasMaxLength(InequalityGroup.DescriptionMaxLength).IsRequired().IsPersonalText();
        builder.Property(g => g.Inequality).HasMaxLength(InequalityGroup.InequalityMaxLength).IsRequired().IsPersonalText();
        builder.Property(g => g.RecordedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(g => g.Version).IsRowVersion();
        builder.HasIndex(g => g.CycleId);
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(g => g.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
