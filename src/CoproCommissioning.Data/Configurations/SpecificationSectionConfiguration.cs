using CoproCommissioning.Domain.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproCommissioning.Data.Configurations;

public sealed class SpecificationSectionConfiguration : IEntityTypeConfiguration<SectionSnapshot>
{
    public void Configure(EntityTypeBuilder<SectionSnapshot> builder)
    {
        builder.ToTable("specification_sections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(SectionSnapshot.TitleMaxLength).IsRequired();
        builder.Property(s => s.Body).HasMaxLength(SectionSnapshot.BodyMaxLength).IsRequired();
        builder.Property(s => s.PlainSummary).HasMaxLength(SectionSnapshot.PlainSummaryMaxLength).IsRequired();
        builder.Ignore(s => s.IsChangedInThisVersion);
        builder.HasIndex("SpecificationVersionId", nameof(SectionSnapshot.SectionId)).IsUnique();

        builder.OwnsMany(s => s.Answers, answers => AnsweredCommentMapping.Map(answers, "specification_section_answers", "SectionSnapshotId"));
        builder.Navigation(s => s.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
