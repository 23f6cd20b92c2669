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
        // "Parents at the Harbourside workshop" can say who people are.
        builder.Property(c => c.GivenBy).HasMaxLength(Contribution.GivenByMaxLength).IsRequired().HasDefaultValue("").IsPersonalText();

        // "What happened to my input" looks contributions up by their author, a stage of each of their cycles at a time:
        // with the author alone PostgreSQL combined it with every contribution of the stage (decision 0037).
        builder.HasIndex(nameof(Contribution.AuthorUserId), StageConfiguration.StageKey);

        // Specification pages read the comments on one section or outcome a page at a time, newest first.
        builder.HasIndex(c => new { c.TargetId, c.CreatedAt });

        // The specification pages count the comments on every part (a section's comments are spread over its snapshot in
        // every version) and page one part's: this index holds only comments on the specification, by stage and target,
        // with what the count and the page's order need, so neither reads the table nor joins every contribution of the
        // stage. The filter is the pages' own predicate (CommentRow, SpecificationReads), from the same enum names.
        builder.HasIndex([StageConfiguration.StageKey, nameof(Contribution.TargetId), nameof(Contribution.CreatedAt), nameof(Contribution.Id)], "SpecificationComments")
            .HasFilter(SpecificationCommentSql)
            .HasDatabaseName("ix_contributions_specification_comments");

        // One part's comments (a section's are spread over its snapshot in every version) a page at a time, newest first,
        // and their count: by the part's snapshots alone, from the index alone. By stage first, PostgreSQL's kept plan
        // walked every comment in the stage (5,000 at scale 100) to find one part's; through the unfiltered index above it
        // read each of the part's comments from the table to check its kind (docs/benchmarks.md, tenth round).
        builder.HasIndex([nameof(Contribution.TargetId), nameof(Contribution.CreatedAt), nameof(Contribution.Id)], "SpecificationCommentsByTarget")
            .HasFilter(SpecificationCommentSql)
            .HasDatabaseName("ix_contributions_specification_comments_by_target");

        // The sign-off facts (CycleQueries.SignOffFactsAsync) read a stage's lived-experience input through these two, so
        // their cost follows what the rules count rather than everything the stage holds: the counts from the index
        // alone, and the unanswered input (R3) straight from its own small index. The filters are the rules' own
        // predicates (Contribution.LivedExperienceInput and !IsAnswered) in SQL; PostgreSQL uses a partial index only
        // for a query whose condition implies its filter.
        // (Named, so they stand beside the stage's own foreign-key index, which a partial index cannot stand in for.)
        builder.HasIndex(StageConfiguration.StageKey);
        builder.HasIndex([StageConfiguration.StageKey], "LivedExperience")
            .IncludeProperties(nameof(Contribution.AuthorUserId), nameof(Contribution.RecordedByUserId), nameof(Contribution.VoicesCarried))
            .HasFilter(LivedExperienceSql)
            .HasDatabaseName("ix_contributions_lived_experience");
        builder.HasIndex([StageConfiguration.StageKey, nameof(Contribution.CreatedAt), nameof(Contribution.Id)], "UnansweredLivedExperience")
            .HasFilter($"{LivedExperienceSql} AND response_revision = 0")
            .HasDatabaseName("ix_contributions_unanswered_lived_experience");

        // The workspace lists a stage's input by voice (Voices.ListingOrder), newest first within each: with the rank
        // stored beside the voice, an index hands PostgreSQL one page in that order instead of sorting the whole stage.
        // A change to the order changes this SQL, and so the model: a migration recomputes the column.
        builder.Property<int>(VoiceRank).HasComputedColumnSql(VoiceRankSql, stored: true);
        builder.HasIndex(StageConfiguration.StageKey, VoiceRank, nameof(Contribution.CreatedAt), nameof(Contribution.Id))
            .IsDescending(false, false, true, true)
            .HasDatabaseName("ix_contributions_voice_order");

        builder.HasMany(c => c.Responses).WithOne().HasForeignKey(ResponseConfiguration.ContributionKey).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Responses).HasField("_responses").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    /// <summary>The shadow property holding <see cref="Voices.Rank"/> of each contribution's voice, for queries that list in that order.</summary>
    public const string VoiceRank = "VoiceRank";

    private static readonly string VoiceRankSql =
        $"CASE voice {string.Concat(Voices.ListingOrder.Select((v, i) => $"WHEN '{v}' THEN {i} "))}ELSE {Voices.ListingOrder.Count} END";

    private static readonly string SpecificationCommentSql =
        $"target_kind IN ('{TargetKind.SpecificationSection}', '{TargetKind.SpecificationOutcome}')";

    private static readonly string LivedExperienceSql = $"voice IN ('{Voice.LivedExperience}', '{Voice.Carer}')";
}
