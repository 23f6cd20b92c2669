using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Infrastructure.Specification;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A commissioner approves the latest version as the final specification. The approval is recorded as a decision in
/// the specification stage, with who took part and the panel comments that shaped it (R2), so the sign-off gate applies.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class ApproveModel(
    CoproDbContext db, IValidator<ApproveModel.Input> validator, TimeProvider clock, ILogger<ApproveModel> logger)
    : SpecificationPageModel
{
    public static readonly IReadOnlyList<DecisionMode> Modes = [DecisionMode.CoProduced, DecisionMode.CommissionerLed];

    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [CycleRules.DecisionRationaleTooLong.Code] = "Form.Rationale",
        [CycleRules.WhatWasDecidedTooLong.Code] = "Form.Note",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public bool HasSpecification { get; private set; }

    public int LatestVersion { get; private set; }

    public string LatestChangeSummary { get; private set; } = "";

    public bool CommentsOpen { get; private set; }

    public bool AlreadyApproved { get; private set; }

    public IReadOnlyList<CycleMemberRow> Members { get; private set; } = [];

    public IReadOnlyList<PanelComment> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: false, ct);
        await ShowAsync(cycle, specification, ct);
        Form = new Input
        {
            Mode = DecisionMode.CoProduced,
            Rung = CoProductionLadderRung.CoProduction,
            ParticipantMemberIds = [.. Members.Where(m => m.UserId == User.UserId()).Select(m => m.MemberId)],
            CitedContributionIds = [.. Comments.Where(c => c.IsLivedExperience).Select(c => c.Id)],
        };
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: true, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: true, ct);
        await ShowAsync(cycle, specification, ct);
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        if (Form.ParticipantMemberIds.Any(id => Members.Find(id) is null))
        {
            ModelState.AddModelError("Form.ParticipantMemberIds", "Choose people who are members of this cycle");
        }

        if (Form.CitedContributionIds.Any(id => Comments.All(c => c.Id != id)))
        {
            ModelState.AddModelError("Form.CitedContributionIds", "Choose comments made on this specification");
        }

        if (Form.Mode == DecisionMode.CoProduced && !Comments.Any(c => c.IsLivedExperience && Form.CitedContributionIds.Contains(c.Id)))
        {
            ModelState.AddModelError("Form.CitedContributionIds", CycleRules.CoProducedDecisionNeedsLivedExperience.Message);
        }

        if (specification is null)
        {
            ModelState.AddModelError("", "Write the first draft before you approve the specification.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        int number = specification!.Latest.Number;
        var note = Form.Note.Trim();
        var details = new DecisionDetails(
            $"Specification version {number} approved",
            $"Version {number} of the specification is approved as the final specification.{(note.Length > 0 ? " " + note : "")}",
            Form.Mode!.Value,
            Form.Rationale,
            Form.Rung!.Value,
            now,
            [.. Form.ParticipantMemberIds.Distinct().Select(id => Members.Find(id)!).Select(m => new DecisionParticipant(m.UserId, m.Role))],
            [.. Form.CitedContributionIds.Distinct().Select(id => new DecisionInfluence(id, Comments.Single(c => c.Id == id).HowItShaped))]);
        var outcome = specification.Approve(cycle, number, details, User.UserId(), HttpContext.CycleMember().Role, now);
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Someone else changed the cycle or the specification while you were working. Check the latest version and approve again.");
            await ShowAsync((await LoadCycleAsync(db, forChange: false, ct))!, await LoadSpecificationAsync(db, forChange: false, ct), ct);
            return Page();
        }

        logger.LogInformation("Specification version {Version} of cycle {CycleId} approved by decision {DecisionId}", number, CycleId, outcome.Value.Id);
        TempData.SetSuccess($"Version {number} is approved as the final specification. A commissioner can now sign off the specification stage.");
        return Redirect(OverviewUrl);
    }

    private async Task ShowAsync(CommissioningCycle cycle, ServiceSpecification? specification, CancellationToken ct)
    {
        HasSpecification = specification is not null;
        if (specification is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        LatestVersion = specification.Latest.Number;
        LatestChangeSummary = specification.Latest.ChangeSummary;
        CommentsOpen = specification.OpenWindowAt(now) is not null;
        AlreadyApproved = specification.IsLatestApproved;

        Members = await CycleMemberRow.LoadAsync(db, CycleId, User.UserId(), ct);
        var comments = cycle.StageOf(StageKind.Specification).Contributions
            .Where(c => c.TargetKind is TargetKind.SpecificationSection or TargetKind.SpecificationOutcome && c.TargetId is not null)
            .OrderBy(c => c.IsLivedExperience ? 0 : 1)
            .ThenBy(c => c.CreatedAt)
            .ToList();
        var names = await PeopleNames.LoadAsync(db, comments.Select(c => c.AuthorUserId), User.UserId(), ct);
        var trace = await SpecificationTrace.ForContributionsAsync(db, comments.Select(c => c.Id), ct);
        Comments = [.. comments.Where(c => trace.ContainsKey(c.Id)).Select(c =>
        {
            var row = trace[c.Id];
            string how = row.ChangedInVersion is { } changed
                ? $"Their comment on \u201c{row.PartTitle}\u201d changed it in version {changed}."
                : $"Their comment on \u201c{row.PartTitle}\u201d was considered for the final version.";
            return new PanelComment(c.Id, c.Summary, names.Of(c.AuthorUserId), c.Voice, c.IsLivedExperience, row.CommentedOnWords, how);
        })];
    }

    public sealed record PanelComment(Guid Id, string Summary, string From, Voice Voice, bool IsLivedExperience, string On, string HowItShaped);

    public sealed record Input
    {
        public DecisionMode? Mode { get; init; }

        public string Rationale { get; init => field = value ?? ""; } = "";

        public CoProductionLadderRung? Rung { get; init; }

        public string Note { get; init => field = value ?? ""; } = "";

        /// <summary>Who took part, by <see cref="CycleMemberRow.MemberId"/>.</summary>
        public List<Guid> ParticipantMemberIds { get; init; } = [];

        public List<Guid> CitedContributionIds { get; init; } = [];
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Mode).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose how the specification was agreed")
                .Must(m => m is { } mode && Modes.Contains(mode)).WithMessage("Choose how the specification was agreed");
            RuleFor(x => x.Rung).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose how much say people with lived experience had")
                .IsInEnum().WithMessage("Choose how much say people with lived experience had");
            RuleFor(x => x.Rationale).Cascade(CascadeMode.Stop)
                .NotEmpty().When(x => x.Mode is { } mode && mode != DecisionMode.CoProduced).WithMessage(CycleRules.DecisionNeedsRationale.Message)
                .MaximumLength(Decision.RationaleMaxLength).WithMessage($"Enter a rationale of {Decision.RationaleMaxLength} characters or fewer");
            RuleFor(x => x.Note)
                .MaximumLength(1000).WithMessage("Enter anything else about the approval in 1000 characters or fewer");
            RuleFor(x => x.ParticipantMemberIds)
                .NotEmpty().WithMessage(CycleRules.DecisionNeedsParticipants.Message);
        }
    }
}
