using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        // Removed when the person deletes their account, which the audit could not do for a copy of it.
        builder.Property(i => i.Email).HasMaxLength(Invitation.EmailMaxLength).IsRequired().IsPersonalText();
        builder.Property(i => i.TokenHash).HasMaxLength(Invitation.TokenHashLength).IsFixedLength().IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.InvitedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        builder.Property(i => i.AcceptedByUserId).HasMaxLength(UserIds.MaxLength);
        builder.HasOne<CommissioningCycle>().WithMany().HasForeignKey(i => i.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
