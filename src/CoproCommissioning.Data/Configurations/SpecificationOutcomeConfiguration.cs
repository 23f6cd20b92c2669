using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Data.Configurations;

public sealed class SpecificationOutcomeConfiguration : IEntityTypeConfiguration<OutcomeSnapshot>
{
    public void Configure(EntityTypeBuilder<OutcomeSnapshot> builder)
    {
        builder.ToTable("specification_outcomes");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        // Outcomes are written as people would say them ("I can get help before I reach crisis"), and each snapshot
        // keeps its own text, as sections do.
        builder.Property(o => o.Statement).HasMaxLength(OutcomeSnapshot.StatementMaxLength).IsRequired().IsPersonalText();
        builder.Property(o => o.Measure).HasMaxLength(OutcomeSnapshot.MeasureMaxLength).IsRequired().IsPersonalText();
        builder.Ignore(o => o.IsChangedInThisVersion);
        builder.HasIndex("SpecificationVersionId", nameof(OutcomeSnapshot.OutcomeId)).IsUnique();
        // Read by the part's id across versions, as sections are (SpecificationSectionConfiguration).
        builder.HasIndex(nameof(OutcomeSnapshot.OutcomeId), nameof(OutcomeSnapshot.VersionNumber)).IncludeProperties("SpecificationVersionId");

        builder.ComplexProperty(o => o.Levels, levels =>
        {
            Level(levels.Property(l => l.Poor), "level_poor");
            Level(levels.Property(l => l.Fair), "level_fair");
            Level(levels.Property(l => l.Good), "level_good");
            Level(levels.Property(l => l.Stretch), "level_stretch");
            Level(levels.Property(l => l.Outstanding), "level_outstanding");
        });

        builder.OwnsMany(o => o.Answers, answers => AnsweredCommentMapping.Map(answers, "specification_outcome_answers", "OutcomeSnapshotId"));
        builder.Navigation(o => o.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    // A level describes what people experience at it, as the statement does.
    private static void Level(ComplexTypePropertyBuilder<string> level, string column) =>
        level.HasColumnName(column).HasMaxLength(RatingLevels.DescriptionMaxLength).IsRequired().IsPersonalText();
}
