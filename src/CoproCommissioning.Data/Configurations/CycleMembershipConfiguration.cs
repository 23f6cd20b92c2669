using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Data.Configurations;

public sealed class CycleMembershipConfiguration : IEntityTypeConfiguration<CycleMembership>
{
    public void Configure(EntityTypeBuilder<CycleMembership> builder)
    {
        builder.ToTable("cycle_memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.UserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(m => m.AddedByUserId).HasMaxLength(UserIds.MaxLength);
        builder.Ignore(m => m.OwnVoice);
        // One role per person per cycle: every authorization check reads this pair.
        builder.HasIndex(m => new { m.CycleId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(m => m.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
