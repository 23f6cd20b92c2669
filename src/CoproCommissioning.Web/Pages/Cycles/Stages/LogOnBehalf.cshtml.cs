using System.Globalization;

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

    public IReadOnlyList<CycleMemberRow> OtherMembers { get; private set; } = [];

    /// <summary>Logging input reads only its stage's status (<see cref="CommissioningCycle.LogContributionOnBehalf"/>).</summary>
    protected override IQueryable<CommissioningCycle> WhatTheChangeReads(IQueryable<CommissioningCycle> cycles) => cycles.IncludeStageStatuses();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadHeadingAsync(Db, ct))
        {
            return NotFound();
        }

        await LoadOtherMembersAsync(ct);
        return Page();
    }

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ChangeAsync(
        (cycle, now) => cycle.LogContributionOnBehalf(Stage, User.UserId(), Member.Role, OnBehalfOf(), Form.VoicesCarriedNumber,
            Form.Voice, Form.Channel, Form.Visibility, Form.Summary, Form.Body, now),
        contribution =>
        {
            logger.LogInformation("Contribution {ContributionId} logged on behalf of others in {Stage} of cycle {CycleId}",
                contribution.Id, Stage, CycleId);
            TempData.SetSuccess($"Input logged in {StageWords}. Remember to respond to it, and to tell the people who gave it what happened.");
            return RedirectToWorkspace($"contribution-{contribution.Id}");
        },
        ct);

    protected override async Task<bool> ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        await LoadOtherMembersAsync(ct);
        return await base.ShowAsync(cycle, ct);
    }

    /// <summary>The account of the member whose input it is; a member not in the list (or yourself) is refused beside the choice.</summary>
    private string? OnBehalfOf()
    {
        var member = OtherMembers.Find(Form.OnBehalfOfMemberId);
        if (Form.OnBehalfOfMemberId is not null && member is null)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.OnBehalfOfMemberId)}", NotAMemberMessage);
        }

        return member?.UserId;
    }

    private async Task LoadOtherMembersAsync(CancellationToken ct)
    {
        var me = User.UserId();
        OtherMembers = [.. (await CycleMemberRow.LoadAsync(Db, CycleId, me, ct)).Where(m => m.UserId != me)];
    }

    /// <summary>The input as the person logging it saw it, in the order the page asks; the cycle judges every answer.</summary>
    public sealed record Input
    {
        public Voice? Voice { get; init; }

        /// <summary>The member whose input it is (<see cref="CycleMemberRow.MemberId"/>), or null for people without an account.</summary>
        public Guid? OnBehalfOfMemberId { get; init; }

        public string VoicesCarried { get; init; } = "1";

        public Channel? Channel { get; init; }

        public string Summary { get; init; } = "";

        public string Body { get; init; } = "";

        public ContributionVisibility? Visibility { get; init; }

        /// <summary>The number typed, or null when it is not a whole number (the cycle asks for one).</summary>
        public int? VoicesCarriedNumber =>
            int.TryParse(VoicesCarried?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;
    }
}
