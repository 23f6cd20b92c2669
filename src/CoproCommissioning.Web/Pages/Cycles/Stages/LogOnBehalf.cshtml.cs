using System.Globalization;
using CoproCommissioning.Web.Pages.Cycles.LoggedInput;
using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>
/// The co-production champion or a commissioner logs input gathered offline (a workshop, a phone call, an
/// easy-read form) on behalf of the people who gave it, with their voice and how many people it speaks for.
/// </summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class LogOnBehalfModel(CoproDbContext db, TimeProvider clock, ILogger<LogOnBehalfModel> logger)
    : CycleFormPageModel<LogOnBehalfModel.Input>(db, clock)
{
    public const string NobodyWithAnAccount = "";

    public const string NotAMemberMessage =
        "Choose a member of this cycle other than yourself, or choose people without an account. To add your own input, use Add your input.";

    public const string UnknownSessionMessage = "Choose a session of this cycle, or say the input was not gathered at a session.";

    public IReadOnlyList<CycleMemberRow> OtherMembers { get; private set; } = [];

    /// <summary>The cycle's co-design sessions, latest first: where input may have been gathered.</summary>
    public IReadOnlyList<SessionChoice> Sessions { get; private set; } = [];

    /// <summary>Logging input reads only its stage's status (<see cref="CommissioningCycle.LogContributionOnBehalf"/>).</summary>
    protected override IQueryable<CommissioningCycle> WhatTheChangeReads(IQueryable<CommissioningCycle> cycles) => cycles.IncludeStageStatuses();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadHeadingAsync(Db, ct))
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        Form = new Input { GatheredOn = DateParts.From(UkTime.Today(Clock.GetUtcNow())) };
        return Page();
    }

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ChangeAsync(
        (cycle, now) => cycle.LogContributionOnBehalf(Stage, User.UserId(), Member.Role, OnBehalfOf(), Form.VoicesCarriedNumber,
            Form.Voice, Form.Channel, Form.Visibility, Form.Summary, Form.Body, now, origin: Origin()),
        contribution =>
        {
            logger.LogInformation("Contribution {ContributionId} logged on behalf of others in {Stage} of cycle {CycleId}",
                contribution.Id, Stage, CycleId);
            TempData.SetLoggedOnBehalfSuccess(CycleId, StageWords);
            return RedirectToWorkspace($"contribution-{contribution.Id}");
        },
        ct);

    protected override async Task<bool> ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return await base.ShowAsync(cycle, ct);
    }

    /// <summary>The member whose input it is; a member not in the list (or yourself) is refused beside the choice.</summary>
    private Contributor? OnBehalfOf()
    {
        var member = OtherMembers.Find(Form.OnBehalfOfMemberId);
        if (Form.OnBehalfOfMemberId is not null && member is null)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.OnBehalfOfMemberId)}", NotAMemberMessage);
        }

        return member is null ? null : new Contributor(member.UserId, member.Role);
    }

    /// <summary>When and where it was gathered; a session not in this cycle is refused beside the choice.</summary>
    private InputOrigin Origin()
    {
        var session = Form.SessionId is { } id ? Sessions.FirstOrDefault(s => s.Id == id) : null;
        if (Form.SessionId is not null && session is null)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.SessionId)}", UnknownSessionMessage);
        }

        return new InputOrigin(
            Form.GatheredOn.TryGetDate(out var gatheredOn) ? gatheredOn : null,
            session?.Id,
            Form.OnBehalfOfMemberId is null ? Form.GivenBy : null);
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var me = User.UserId();
        OtherMembers = [.. (await CycleMemberRow.LoadAsync(Db, CycleId, me, ct)).Where(m => m.UserId != me)];
        Sessions = await SessionChoice.LoadAsync(Db, CycleId, ct);
    }

    /// <summary>The input as the person logging it saw it, in the order the page asks; the cycle judges every answer.</summary>
    public sealed record Input
    {
        public Voice? Voice { get; init; }

        /// <summary>The member whose input it is (<see cref="CycleMemberRow.MemberId"/>), or null for people without an account.</summary>
        public Guid? OnBehalfOfMemberId { get; init; }

        /// <summary>Who gave it, when they have no account: "parents at the Harbourside workshop".</summary>
        public string GivenBy { get; init; } = "";

        public DateParts GatheredOn { get; init; } = new();

        /// <summary>The co-design session it was gathered at, if any.</summary>
        public Guid? SessionId { get; init; }

        public string VoicesCarried { get; init; } = "1";

        public Channel? Channel { get; init; }

        public string Summary { get; init; } = "";

        public string Body { get; init; } = "";

        public ContributionVisibility? Visibility { get; init; }

        /// <summary>The number typed, or null when it is not a whole number (the cycle asks for one).</summary>
        public int? VoicesCarriedNumber =>
            int.TryParse(VoicesCarried?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;
    }

    /// <summary>Only what the cycle never sees: a date that is not a real date (a blank one is the cycle's to refuse).</summary>
    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(x => x.GatheredOn)
                .Must(date => date is null || date.IsEmpty || date.TryGetDate(out _))
                .WithMessage("Enter the date the input was gathered as a real date, for example 27 3 2026");
    }
}
