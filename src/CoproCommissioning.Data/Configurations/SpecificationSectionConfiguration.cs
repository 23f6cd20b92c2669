using CoproCommissioning.Domain.Cycles;
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

        builder.OwnsMany(s => s.Answers, answers =>
        {
            answers.ToTable("specification_section_answers");
            answers.WithOwner().HasForeignKey("SectionSnapshotId");
            answers.Property<int>("Id");
            answers.HasKey("Id");
            // "What happened to my input" looks up the change that answered a comment.
            answers.Property(a => a.Note).HasMaxLength(AnsweredComment.NoteMaxLength).IsRequired();
            answers.HasIndex(a => a.ContributionId);
            answers.HasOne<Contribution>().WithMany().HasForeignKey(a => a.ContributionId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(s => s.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
