using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Data.Configurations;

public sealed class SpecificationVersionConfiguration : IEntityTypeConfiguration<SpecificationVersion>
{
    public void Configure(EntityTypeBuilder<SpecificationVersion> builder)
    {
        builder.ToTable("specification_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        // A summary of what changed can paraphrase the comments that caused it, and becomes their responses' explanation.
        builder.Property(v => v.ChangeSummary).HasMaxLength(ServiceSpecification.ChangeSummaryMaxLength).IsRequired().IsPersonalText();
        builder.Property(v => v.SavedByUserId).HasMaxLength(UserIds.MaxLength).IsRequired();
        // Two saves of the same version number cannot both commit, even if both passed the domain's check.
        builder.HasIndex("SpecificationId", nameof(SpecificationVersion.Number)).IsUnique();

        builder.HasMany(v => v.Sections).WithOne().HasForeignKey("SpecificationVersionId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Sections).HasField("_sections").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(v => v.Outcomes).WithOne().HasForeignKey("SpecificationVersionId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Outcomes).HasField("_outcomes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
