using CoproCommissioning.Data;
using CoproCommissioning.Domain;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>
/// What recording a decision and revising one share: the form's fields, their validation, the people and
/// contributions to choose from, and turning the answers into <see cref="DecisionDetails"/> for the cycle.
/// </summary>
public static class DecisionForm
{
    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [CycleRules.DecisionTitleRequired.Code] = "Form.Title",
        [CycleRules.DecisionTitleTooLong.Code] = "Form.Title",
        [CycleRules.WhatWasDecidedRequired.Code] = "Form.WhatWasDecided",
        [CycleRules.WhatWasDecidedTooLong.Code] = "Form.WhatWasDecided",
        [CycleRules.DecisionRationaleTooLong.Code] = "Form.Rationale",
        [CycleRules.DecisionDateInFuture.Code] = "Form.DecidedOn",
        [CycleRules.DecisionRole.Code] = "Form.Mode",
    };

    public static string NoteField(Guid contributionId) => $"Form.Notes[{contributionId}]";

    /// <summary>Refusals beside their fields; a note's refusal names its contribution, so it goes beside that note.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<Refusal> refusals) =>
        modelState.AddErrors(refusals, FieldsByCode, r =>
            r.SubjectId is { } id && (r.Rule == CycleRules.InfluenceNoteRequired || r.Rule == CycleRules.InfluenceNoteTooLong)
                ? NoteField(id)
                : null);

    /// <summary>Checks the people and contributions chosen belong to this cycle; the domain throws on strangers.</summary>
    public static void CheckChoices(ModelStateDictionary modelState, Input form, Choices choices)
    {
        if (form.ParticipantMemberIds.Any(id => choices.Members.Find(id) is null))
        {
            modelState.AddModelError("Form.ParticipantMemberIds", "Choose people who are members of this cycle");
        }

        if (form.CitedContributionIds.Any(id => choices.Contributions.All(c => c.Id != id)))
        {
            modelState.AddModelError("Form.CitedContributionIds", "Choose contributions from this cycle");
        }
    }

    public static DecisionDetails ToDetails(Input form, Choices choices)
    {
        form.DecidedOn.TryGetDate(out var decidedOn);
        var participants = form.ParticipantMemberIds.Distinct()
            .Select(id => choices.Members.Find(id)!)
            .Select(m => new DecisionParticipant(m.UserId, m.Role))
            .ToList();
        var influences = form.CitedContributionIds.Distinct()
            .Select(id => new DecisionInfluence(id, form.Notes.GetValueOrDefault(id)))
            .ToList();
        return new DecisionDetails(form.Title, form.WhatWasDecided, form.Mode!.Value, form.Rationale, form.Rung!.Value,
            UkTime.StartOfDay(decidedOn), participants, influences);
    }

    public static Input From(Decision decision, IReadOnlyList<CycleMemberRow> members) => new()
    {
        Title = decision.Title,
        WhatWasDecided = decision.WhatWasDecided,
        Mode = decision.Mode,
        Rationale = decision.Rationale,
        Rung = decision.Rung,
        DecidedOn = DateParts.From(UkTime.Today(decision.DecidedAt)),
        ParticipantMemberIds = [.. decision.Participants
            .Select(p => members.FirstOrDefault(m => m.UserId == p.UserId)?.MemberId)
            .OfType<Guid>()],
        CitedContributionIds = [.. decision.Influences.Select(i => i.ContributionId)],
        Notes = decision.Influences.ToDictionary(i => i.ContributionId, i => i.Note),
        SeenChange = LastChange(decision),
    };

    /// <summary>When the decision last changed, as a number a hidden field can carry back.</summary>
    public static long LastChange(Decision decision) => (decision.LastRevisedAt ?? decision.RecordedAt).UtcTicks;

    /// <summary>The members who can take part and every contribution in the cycle that can be cited, this stage's first.</summary>
    public static async Task<Choices> LoadChoicesAsync(
        CoproDbContext db, CommissioningCycle cycle, StageKind stage, string viewerUserId, bool clinicallyLedOnly, CancellationToken ct)
    {
        var members = await CycleMemberRow.LoadAsync(db, cycle.Id, viewerUserId, ct);
        var all = cycle.Stages.SelectMany(s => s.Contributions).ToList();
        var names = await PeopleNames.LoadAsync(db, all.SelectMany(c => new[] { c.AuthorUserId, c.RecordedByUserId }), viewerUserId, ct);
        var contributions = all
            .OrderBy(c => c.StageKind == stage ? 0 : 1)
            .ThenBy(c => c.StageKind)
            .ThenBy(c => Labels.Rank(c.Voice))
            .ThenByDescending(c => c.CreatedAt)
            .Select(c => new CitableContribution(c.Id, c.StageKind, c.Voice, c.Summary, ContributionRow.WhoFrom(c, names)))
            .ToList();
        return new Choices(members, contributions, stage, clinicallyLedOnly);
    }

    public sealed record Choices(
        IReadOnlyList<CycleMemberRow> Members, IReadOnlyList<CitableContribution> Contributions, StageKind Stage, bool ClinicallyLedOnly);

    public sealed record CitableContribution(Guid Id, StageKind StageKind, Voice Voice, string Summary, string FromWhom);

    /// <summary>What the _DecisionForm partial renders.</summary>
    public sealed record View(Input Form, Choices Choices, string SubmitText);

    public sealed record Input
    {
        public string Title { get; init; } = "";

        public string WhatWasDecided { get; init; } = "";

        public DecisionMode? Mode { get; init; }

        public string Rationale { get; init; } = "";

        public CoProductionLadderRung? Rung { get; init; }

        public DateParts DecidedOn { get; init; } = new();

        /// <summary>Who took part, by <see cref="CycleMemberRow.MemberId"/>.</summary>
        public List<Guid> ParticipantMemberIds { get; init; } = [];

        public List<Guid> CitedContributionIds { get; init; } = [];

        /// <summary>How each cited contribution shaped the decision, by contribution id.</summary>
        public Dictionary<Guid, string> Notes { get; init; } = [];

        /// <summary>When revising: the decision's last change as the person saw it (R8).</summary>
        public long SeenChange { get; init; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a title for the decision")
                .MaximumLength(Decision.TitleMaxLength).WithMessage($"Enter a title of {Decision.TitleMaxLength} characters or fewer");
            RuleFor(x => x.WhatWasDecided).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter what you decided")
                .MaximumLength(Decision.WhatWasDecidedMaxLength)
                .WithMessage($"Enter what you decided in {Decision.WhatWasDecidedMaxLength} characters or fewer");
            RuleFor(x => x.Mode).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose how the decision was made")
                .IsInEnum().WithMessage("Choose how the decision was made");
            RuleFor(x => x.Rationale)
                .MaximumLength(Decision.RationaleMaxLength).WithMessage($"Enter a rationale of {Decision.RationaleMaxLength} characters or fewer");
            RuleFor(x => x.Rung).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose where this decision sits on the ladder of co-production")
                .IsInEnum().WithMessage("Choose where this decision sits on the ladder of co-production");
            RuleFor(x => x.DecidedOn).Custom((date, context) =>
            {
                if (date is null || date.IsEmpty)
                {
                    context.AddFailure(nameof(Input.DecidedOn), "Enter the date the decision was made");
                }
                else if (!date.TryGetDate(out _))
                {
                    context.AddFailure(nameof(Input.DecidedOn), "Enter the date the decision was made as a real date, for example 27 3 2026");
                }
            });
            RuleFor(x => x).Custom((form, context) =>
            {
                foreach (var id in form.CitedContributionIds.Distinct())
                {
                    var note = form.Notes.GetValueOrDefault(id)?.Trim() ?? "";
                    if (note.Length == 0)
                    {
                        context.AddFailure($"Notes[{id}]", "Say how this contribution shaped the decision");
                    }
                    else if (note.Length > DecisionInfluence.NoteMaxLength)
                    {
                        context.AddFailure($"Notes[{id}]",
                            $"Say how this contribution shaped the decision in {DecisionInfluence.NoteMaxLength} characters or fewer");
                    }
                }
            });
        }
    }
}
