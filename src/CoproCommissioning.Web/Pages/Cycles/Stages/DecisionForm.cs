using System.Globalization;
using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>
/// What recording a decision and revising one share: the form's fields (named as the cycle's decision rules name them),
/// the people and contributions to choose from, and turning the answers into <see cref="DecisionDetails"/> for the cycle.
/// </summary>
public static class DecisionForm
{
    public const string UnknownMemberMessage = "Choose people who are members of this cycle";

    public const string UnknownContributionMessage = "Choose contributions from this cycle";

    public const string UnknownSessionMessage = "Choose a session of this cycle, or leave the session blank";

    /// <summary>The note on one cited contribution: where the cycle's refusal about it is shown (<c>Refusal.ForItem</c>).</summary>
    public static string NoteField(Guid contributionId) => $"Form.{nameof(Input.Notes)}[{contributionId}]";

    public static Input From(Decision decision, IReadOnlyList<CycleMemberRow> members) => new()
    {
        Title = decision.Title,
        WhatWasDecided = decision.WhatWasDecided,
        Mode = decision.Mode,
        Rationale = decision.Rationale,
        Rung = decision.Rung,
        DecidedOn = DateParts.From(UkTime.Today(decision.DecidedAt)),
        Participants = [.. decision.Participants
            .Select(p => members.FirstOrDefault(m => m.UserId == p.UserId)?.MemberId)
            .OfType<Guid>()],
        Influences = [.. decision.Influences.Select(i => i.ContributionId)],
        Notes = decision.Influences.ToDictionary(i => i.ContributionId, i => i.Note),
        Groups = [.. decision.Groups.Select(g => new GroupRow
        {
            Count = g.Count.ToString(CultureInfo.InvariantCulture),
            Voice = g.Voice,
            Description = g.Description,
            SessionId = g.SessionId,
        })],
        SeenChange = LastChange(decision),
    };

    /// <summary>The rows of people without an account the form shows: every group given, and room for more.</summary>
    public static IReadOnlyList<GroupRow> RowsToShow(Input form) =>
        [.. form.Groups, .. Enumerable.Repeat(new GroupRow(), Math.Max(1, 2 - form.Groups.Count))];

    /// <summary>When the decision last changed, as a number a hidden field can carry back.</summary>
    public static long LastChange(Decision decision) => (decision.LastRevisedAt ?? decision.RecordedAt).UtcTicks;

    /// <summary>
    /// The members who can take part, every contribution in the cycle that can be cited (this stage's first), and the modes
    /// the person may record a decision in (<see cref="CyclePermissions.DecisionModesFor"/>).
    /// </summary>
    public static async Task<Choices> LoadChoicesAsync(
        CoproDbContext db, CommissioningCycle cycle, StageKind stage, string viewerUserId, CycleRole viewerRole, CancellationToken ct)
    {
        var members = await CycleMemberRow.LoadAsync(db, cycle.Id, viewerUserId, ct);
        var sessions = await SessionChoice.LoadAsync(db, cycle.Id, ct);
        var all = cycle.Stages.SelectMany(s => s.Contributions).ToList();
        var names = await PeopleNames.LoadAsync(db, all.SelectMany(c => new[] { c.AuthorUserId, c.RecordedByUserId }), viewerUserId, ct);
        var contributions = all
            .OrderBy(c => c.StageKind == stage ? 0 : 1)
            .ThenBy(c => c.StageKind)
            .ThenBy(c => Voices.Rank(c.Voice))
            .ThenByDescending(c => c.CreatedAt)
            .Select(c => new CitableContribution(c.Id, c.StageKind, c.Voice, c.Summary, ContributionRow.WhoFrom(c, names)))
            .ToList();
        return new Choices(members, contributions, stage, CyclePermissions.DecisionModesFor(viewerRole), sessions);
    }

    public sealed record Choices(
        IReadOnlyList<CycleMemberRow> Members,
        IReadOnlyList<CitableContribution> Contributions,
        StageKind Stage,
        IReadOnlyList<DecisionMode> Modes,
        IReadOnlyList<SessionChoice> Sessions)
    {
        /// <summary>A clinical adviser records clinically led decisions only: the form says so.</summary>
        public bool ClinicallyLedOnly => Modes is [DecisionMode.ClinicallyLed];
    }

    public sealed record CitableContribution(Guid Id, StageKind StageKind, Voice Voice, string Summary, string FromWhom);

    /// <summary>What the _DecisionForm partial renders.</summary>
    public sealed record View(Input Form, Choices Choices, string SubmitText);

    /// <summary>A decision as the form shows it, in the order the page asks; the cycle judges every answer.</summary>
    public sealed record Input
    {
        public string Title { get; init; } = "";

        public string WhatWasDecided { get; init; } = "";

        public DecisionMode? Mode { get; init; }

        public string Rationale { get; init; } = "";

        public CoProductionLadderRung? Rung { get; init; }

        public DateParts DecidedOn { get; init; } = new();

        /// <summary>Who took part, by <see cref="CycleMemberRow.MemberId"/>.</summary>
        public List<Guid> Participants { get; init; } = [];

        /// <summary>The contributions that shaped it, by id.</summary>
        public List<Guid> Influences { get; init; } = [];

        /// <summary>How each cited contribution shaped the decision, by contribution id.</summary>
        public Dictionary<Guid, string> Notes { get; init; } = [];

        /// <summary>People without an account who took part, a group per row; rows left blank are not groups.</summary>
        public List<GroupRow> Groups { get; init; } = [];

        /// <summary>When revising: the decision's last change as the person saw it (R8).</summary>
        public long SeenChange { get; init; }
    }

    /// <summary>One group of people without an account, as typed: "6", carers, "parents at the Harbourside workshop".</summary>
    public sealed record GroupRow
    {
        public string Count { get; init; } = "";

        public Voice? Voice { get; init; }

        public string Description { get; init; } = "";

        public Guid? SessionId { get; init; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Count) && Voice is null && string.IsNullOrWhiteSpace(Description) && SessionId is null;

        /// <summary>The number typed, or null when it is not a whole number (the cycle asks for one).</summary>
        public int? CountNumber =>
            int.TryParse(Count?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;
    }

    /// <summary>Only what the cycle never sees: a date that is not a real date (a blank one is the cycle's to refuse).</summary>
    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(x => x.DecidedOn)
                .Must(date => date is null || date.IsEmpty || date.TryGetDate(out _))
                .WithMessage("Enter the decision date as a real date, for example 27 3 2026");
    }
}

/// <summary>What recording a decision and revising one share: the choices on the form, and the form's answers for the cycle.</summary>
public abstract class DecisionFormPageModel(CoproDbContext db, TimeProvider clock) : CycleFormPageModel<DecisionForm.Input>(db, clock)
{
    protected Task<DecisionForm.Choices> LoadChoicesAsync(CommissioningCycle cycle, CancellationToken ct) =>
        DecisionForm.LoadChoicesAsync(Db, cycle, Stage, User.UserId(), Member.Role, ct);

    /// <summary>
    /// The form's answers as the cycle takes them. People and contributions not among <paramref name="choices"/> (gone, or a
    /// hand-made request) are refused beside their fields and left out; a date that could not be read is null.
    /// </summary>
    protected DecisionDetails Details(DecisionForm.Choices choices)
    {
        var participants = Form.Participants.Distinct().Select(id => choices.Members.Find(id)).ToList();
        if (participants.Contains(null))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(DecisionForm.Input.Participants)}", DecisionForm.UnknownMemberMessage);
        }

        var cited = Form.Influences.Distinct().ToList();
        if (cited.Any(id => choices.Contributions.All(c => c.Id != id)))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(DecisionForm.Input.Influences)}", DecisionForm.UnknownContributionMessage);
        }

        // Blank rows are room for more, not groups; dropping them here keeps each refusal's row number (Groups[i]) the row shown.
        Form = Form with { Groups = [.. Form.Groups.Where(g => !g.IsBlank)] };
        var groups = Form.Groups.Select((g, i) =>
        {
            var session = g.SessionId is { } id ? choices.Sessions.FirstOrDefault(x => x.Id == id) : null;
            if (g.SessionId is not null && session is null)
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(DecisionForm.Input.Groups)}[{i}].{nameof(DecisionForm.GroupRow.SessionId)}",
                    DecisionForm.UnknownSessionMessage);
            }

            return new GroupOfPeople(g.CountNumber, g.Voice, g.Description, session?.Id);
        }).ToList();

        return new DecisionDetails(
            Form.Title,
            Form.WhatWasDecided,
            Form.Mode,
            Form.Rationale,
            Form.Rung,
            Form.DecidedOn.TryGetDate(out var decidedOn) ? UkTime.StartOfDay(decidedOn) : null,
            [.. participants.OfType<CycleMemberRow>().Select(m => new DecisionParticipant(m.UserId, m.Role))],
            [.. cited.Where(id => choices.Contributions.Any(c => c.Id == id))
                .Select(id => new DecisionInfluence(id, Form.Notes.GetValueOrDefault(id)))],
            groups);
    }
}
