using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Data.Configurations;

public sealed class SpecificationSectionConfiguration : IEntityTypeConfiguration<SectionSnapshot>
{
    public void Configure(EntityTypeBuilder<SectionSnapshot> builder)
    {
        builder.ToTable("specification_sections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(SectionSnapshot.TitleMaxLength).IsRequired();
        // The text can illustrate a need with someone's story. Snapshots are never changed and keep every version's
        // text themselves, so the audit loses nothing by recording only that it was written.
        builder.Property(s => s.Body).HasMaxLength(SectionSnapshot.BodyMaxLength).IsRequired().IsPersonalText();
        builder.Property(s => s.PlainSummary).HasMaxLength(SectionSnapshot.PlainSummaryMaxLength).IsRequired().IsPersonalText();
        builder.Ignore(s => s.IsChangedInThisVersion);
        builder.HasIndex("SpecificationVersionId", nameof(SectionSnapshot.SectionId)).IsUnique();
        // A part's history across versions (its first version, every snapshot its comments are on) is read by the part's
        // id; with the version's key included, PostgreSQL answers from the index alone, not one probe a version.
        builder.HasIndex(nameof(SectionSnapshot.SectionId), nameof(SectionSnapshot.VersionNumber)).IncludeProperties("SpecificationVersionId");

        builder.OwnsMany(s => s.Answers, answers => AnsweredCommentMapping.Map(answers, "specification_section_answers", "SectionSnapshotId"));
        builder.Navigation(s => s.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
