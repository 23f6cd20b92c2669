using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Testing;

/// <summary>
/// A cycle at its specification stage with a draft saved through the public methods, as a commissioner would:
/// v1 has three sections (who it is for, opening hours, staffing) and one outcome.
/// </summary>
public static class ASpecification
{
    public static readonly Guid WhoItIsFor = Guid.Parse("0196a000-0000-7000-8000-000000000001");
    public static readonly Guid OpeningHours = Guid.Parse("0196a000-0000-7000-8000-000000000002");
    public static readonly Guid Staffing = Guid.Parse("0196a000-0000-7000-8000-000000000003");
    public static readonly Guid CrisisOutcome = Guid.Parse("0196a000-0000-7000-8000-000000000010");

    public static readonly DateTimeOffset V1SavedAt = Moments.Now.AddDays(-10);
    public static readonly DateTimeOffset CommentsOpenedAt = Moments.Now.AddDays(-7);
    public static readonly DateTimeOffset CommentsCloseAt = Moments.Now.AddDays(7);

    public static RatingLevels Levels { get; } = new(
        "Most people reach crisis before they get help.",
        "Some people get help early, mostly by phone.",
        "Most people get help within 2 days of asking.",
        "Most people get help the same day, in the way they choose.",
        "People say they never have to reach crisis to be heard.");

    public static VersionDraft FirstDraft(string summary = "First draft") => new(
        summary,
        [
            new SectionDraft(WhoItIsFor, "Who the service is for", "Adults aged 18 to 65 in Leeds.", "Grown-ups in Leeds."),
            new SectionDraft(OpeningHours, "Opening hours", "The service is open **9am to 5pm**, Monday to Friday.", ""),
            new SectionDraft(Staffing, "Staffing", "Each team has a psychologist and 2 nurses.", ""),
        ],
        [new OutcomeDraft(CrisisOutcome, "I can get help before I reach crisis", OutcomeDomain.MentalWellbeing, "What people say at their 3-month review.", Levels)]);

    /// <summary>A cycle whose earlier stages are signed off, with v1 of its specification saved.</summary>
    public static (CommissioningCycle Cycle, ServiceSpecification Specification) Started()
    {
        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        var specification = Expect.Success(ServiceSpecification.Start(cycle, FirstDraft(), People.Commissioner, CycleRole.Commissioner, V1SavedAt));
        return (cycle, specification);
    }

    /// <summary>v1 saved and open for comment from a week ago until a week from now; providers invited when asked.</summary>
    public static (CommissioningCycle Cycle, ServiceSpecification Specification) OpenForComment(bool providersMayComment = false)
    {
        var (cycle, specification) = Started();
        Expect.Success(specification.OpenForComment(
            cycle, CommentsCloseAt, providersMayComment, People.Commissioner, CycleRole.Commissioner, CommentsOpenedAt));
        return (cycle, specification);
    }

    public static SectionSnapshot Section(this ServiceSpecification specification, Guid sectionId, int version = 1) =>
        specification.FindVersion(version)!.SectionFor(sectionId)!;

    public static OutcomeSnapshot Outcome(this ServiceSpecification specification, Guid outcomeId, int version = 1) =>
        specification.FindVersion(version)!.OutcomeFor(outcomeId)!;

    /// <summary>A panel member's comment on a section of v1, made while comments are open.</summary>
    public static Contribution PanelComment(
        this ServiceSpecification specification, CommissioningCycle cycle, Guid sectionId, int panelMember = 1, int version = 1) =>
        Expect.Success(specification.Comment(cycle, specification.Section(sectionId, version).Id, People.PanelMember(panelMember),
            CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone, "Evenings matter to people in work", "", Moments.Now.AddDays(-1)));

    /// <summary>The latest version's draft with one section's text replaced.</summary>
    public static VersionDraft Changing(
        this ServiceSpecification specification, Guid sectionId, string body, string summary = "Evening opening", params AnsweredComment[] answers)
    {
        var draft = specification.Latest.ToDraft();
        return draft with
        {
            ChangeSummary = summary,
            Sections = [.. draft.Sections.Select(s => s.SectionId == sectionId ? s with { Body = body, Answers = answers } : s)],
        };
    }
}
