using CoproCommissioning.Domain.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproCommissioning.Data.Configurations;

public sealed class SpecificationOutcomeConfiguration : IEntityTypeConfiguration<OutcomeSnapshot>
{
    public void Configure(EntityTypeBuilder<OutcomeSnapshot> builder)
    {
        builder.ToTable("specification_outcomes");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Statement).HasMaxLength(OutcomeSnapshot.StatementMaxLength).IsRequired();
        builder.Property(o => o.Measure).HasMaxLength(OutcomeSnapshot.MeasureMaxLength).IsRequired();
        builder.Ignore(o => o.IsChangedInThisVersion);
        builder.HasIndex("SpecificationVersionId", nameof(OutcomeSnapshot.OutcomeId)).IsUnique();

        builder.ComplexProperty(o => o.Levels, levels =>
        {
            levels.Property(l => l.Poor).HasColumnName("level_poor").HasMaxLength(RatingLevels.DescriptionMaxLength).IsRequired();
            levels.Property(l => l.Fair).HasColumnName("level_fair").HasMaxLength(RatingLevels.DescriptionMaxLength).IsRequired();
            levels.Property(l => l.Good).HasColumnName("level_good").HasMaxLength(RatingLevels.DescriptionMaxLength).IsRequired();
            levels.Property(l => l.Stretch).HasColumnName("level_stretch").HasMaxLength(RatingLevels.DescriptionMaxLength).IsRequired();
            levels.Property(l => l.Outstanding).HasColumnName("level_outstanding").HasMaxLength(RatingLevels.DescriptionMaxLength).IsRequired();
        });

        builder.OwnsMany(o => o.Answers, answers => AnsweredCommentMapping.Map(answers, "specification_outcome_answers", "OutcomeSnapshotId"));
        builder.Navigation(o => o.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
