using CoproCommissioning.Data.Saving;
using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Data.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.OdsCode).HasMaxLength(Organisation.OdsCodeMaxLength);
        // A named person and their work address.
        builder.Property(o => o.ContactName).HasMaxLength(Organisation.ContactNameMaxLength).IsPersonalText();
        builder.Property(o => o.ContactEmail).HasMaxLength(Organisation.ContactEmailMaxLength).IsPersonalText();
        builder.Property(o => o.Version).IsRowVersion();
        builder.Ignore(o => o.IsRetired);
        builder.HasIndex(o => o.Name).IsUnique().StatesRule(OrganisationRules.NameTaken);
        builder.HasIndex(o => o.OdsCode).IsUnique().StatesRule(OrganisationRules.OdsCodeTaken);
    }
}
