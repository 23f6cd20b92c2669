namespace CoproCommissioning.Data.Configurations;

public sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.CurrentResponse);
        builder.Property(c => c.AuthorUserId).HasMaxLength(UserIds.MaxLength);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(UserIds.MaxLength);
        builder.Property(c => c.Summary).HasMaxLength(Contribution.SummaryMaxLength).IsRequired().IsPersonalText();
        builder.Property(c => c.Body).HasMaxLength(Contribution.BodyMaxLength).IsRequired().IsPersonalText();

        // "What happened to my input" looks contributions up by their author.
        builder.HasIndex(c => c.AuthorUserId);

        // Specification pages read the comments on one section or outcome a page at a time, newest first.
        builder.HasIndex(c => new { c.TargetId, c.CreatedAt });

        // The sign-off facts (CycleQueries.SignOffFactsAsync) read a stage's lived-experience input through these two, so
        // their cost follows what the rules count rather than everything the stage holds: the counts from the index
        // alone, and the unanswered input (R3) straight from its own small index. The filters are the rules' own
        // predicates (Contribution.LivedExperienceInput and !IsAnswered) in SQL; PostgreSQL uses a partial index only
        // for a query whose condition implies its filter.
        // (Named, so they stand beside the stage's own foreign-key index, which a partial index cannot stand in for.)
        builder.HasIndex("StageId");
        builder.HasIndex(["StageId"], "LivedExperience")
            .IncludeProperties(nameof(Contribution.AuthorUserId), nameof(Contribution.RecordedByUserId), nameof(Contribution.VoicesCarried))
            .HasFilter(LivedExperienceSql)
            .HasDatabaseName("ix_contributions_lived_experience");
        builder.HasIndex(["StageId", nameof(Contribution.CreatedAt), nameof(Contribution.Id)], "UnansweredLivedExperience")
            .HasFilter($"{LivedExperienceSql} AND response_revision = 0")
            .HasDatabaseName("ix_contributions_unanswered_lived_experience");

        builder.HasMany(c => c.Responses).WithOne().HasForeignKey(ResponseConfiguration.ContributionKey).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Responses).HasField("_responses").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static readonly string LivedExperienceSql = $"voice IN ('{Voice.LivedExperience}', '{Voice.Carer}')";
}
