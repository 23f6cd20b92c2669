namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>A member adds their own input to a stage, in the voice their membership gives them, online.</summary>
[CyclePermission(CycleOperation.Contribute)]
public sealed class AddContributionModel(CoproDbContext db, TimeProvider clock, ILogger<AddContributionModel> logger)
    : CycleFormPageModel<AddContributionModel.Input>(db, clock)
{
    public Voice Voice => Member.OwnVoice;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadHeadingAsync(Db, ct) ? Page() : NotFound();

    /// <summary>Adding input reads only its stage's status (<see cref="CommissioningCycle.AddContribution"/>).</summary>
    protected override IQueryable<CommissioningCycle> WhatTheChangeReads(IQueryable<CommissioningCycle> cycles) => cycles.IncludeStageStatuses();

    [CyclePermission(CycleOperation.Contribute)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ChangeAsync(
        (cycle, now) => cycle.AddContribution(
            Stage, User.UserId(), Member.Role, Member.OwnVoice, Channel.Online, Form.Visibility, Form.Summary, Form.Body, now),
        contribution =>
        {
            logger.LogInformation("Contribution {ContributionId} added to {Stage} of cycle {CycleId}", contribution.Id, Stage, CycleId);
            TempData.SetSuccess($"Your input was added to {StageWords}. You will see here what happens because of it.");
            return RedirectToWorkspace($"contribution-{contribution.Id}");
        },
        ct);

    /// <summary>The person's input, as the cycle names its parts; the cycle judges every answer.</summary>
    public sealed record Input
    {
        public string Summary { get; init; } = "";

        public string Body { get; init; } = "";

        public ContributionVisibility? Visibility { get; init; }
    }
}
