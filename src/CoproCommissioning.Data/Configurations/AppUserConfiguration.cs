using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.AccessNeeds).HasMaxLength(AppUser.AccessNeedsMaxLength).IsRequired();
        builder.PrimitiveCollection(u => u.CommunicationPreferences)
            .ElementType(element => element.HasConversion<string>().HasMaxLength(CoproDbContext.EnumMaxLength));
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.FormerParticipantNumber).IsUnique();
        builder.Ignore(u => u.NameShownToOthers);
    }
}
