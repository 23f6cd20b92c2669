using CoproCommissioning.Web.Pages.Cycles.LoggedInput;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>"You said, we did": answer a contribution, or revise the answer. Earlier answers stay in its history.</summary>
[CyclePermission(CycleOperation.Respond)]
public sealed class RespondModel(CoproDbContext db, TimeProvider clock, ILogger<RespondModel> logger)
    : CycleFormPageModel<RespondModel.Input>(db, clock)
{
    private Guid _contributionId;
    private bool _fromPeopleWithoutAnAccount;
    private string? _loggedBy;

    public ContributionRow Contribution { get; private set; } = null!;

    public IReadOnlyList<ResponseRow> Responses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken ct)
    {
        _contributionId = contributionId;
        if (await LoadCycleAsync(forChange: false, ct) is not { } cycle || !await ShowAsync(cycle, ct))
        {
            return NotFound();
        }

        var current = cycle.FindContribution(contributionId)!.CurrentResponse;
        Form = new Input { Type = current?.Type, Explanation = current?.Explanation ?? "", SeenRevision = current?.Revision ?? 0 };
        return Page();
    }

    [CyclePermission(CycleOperation.Respond)]
    public Task<IActionResult> OnPostAsync(Guid contributionId, CancellationToken ct)
    {
        _contributionId = contributionId;
        return ChangeAsync(
            (cycle, now) => cycle.Respond(contributionId, User.UserId(), Member.Role, Form.Type, Form.Explanation, now),
            response =>
            {
                logger.LogInformation("Response {ResponseId} (revision {Revision}) to contribution {ContributionId} in cycle {CycleId}",
                    response.Id, response.Revision, contributionId, CycleId);
                SetSuccess(contributionId);
                return RedirectToWorkspace($"contribution-{contributionId}");
            },
            ct);
    }

    /// <summary>
    /// Input logged on people's behalf is handed back on a "you said, we did" sheet: whoever may print it is taken to it.
    /// Someone with an account who gave input themself reads the answer under What happened to my input.
    /// </summary>
    private void SetSuccess(Guid contributionId)
    {
        if (LoggedInputSheets.MayReadSheet(_loggedBy, User.UserId(), Member.Role))
        {
            TempData.SetSuccess(
                "Response saved. Give the people who gave this input a ‘you said, we did’ sheet, so they know what happened.",
                new NotificationLink("Print the ‘you said, we did’ sheet for this input", LoggedInputSheets.SheetUrl(CycleId, Stage, contributionId)));
        }
        else if (_loggedBy is not null && _fromPeopleWithoutAnAccount)
        {
            TempData.SetSuccess("Response saved. The person who logged this input can print a ‘you said, we did’ sheet for the people who gave it.");
        }
        else
        {
            TempData.SetSuccess("Response saved. The person who gave this input will see it under What happened to my input.");
        }
    }

    /// <summary>Answering reads the one contribution and its earlier answers, not the rest of the cycle.</summary>
    protected override IQueryable<CommissioningCycle> WhatTheChangeReads(IQueryable<CommissioningCycle> cycles)
    {
        var contributionId = _contributionId;
        return cycles.Include(c => c.Stages)
            .ThenInclude(s => s.Contributions.Where(x => x.Id == contributionId)).ThenInclude(x => x.Responses);
    }

    /// <summary>Someone else answered since this person opened the form: show them that answer before theirs replaces it (R8).</summary>
    protected override bool ChangedSinceShown(CommissioningCycle cycle) =>
        (cycle.FindContribution(_contributionId)!.CurrentResponse?.Revision ?? 0) != Form.SeenRevision;

    /// <summary>Keeps what they typed, but lets their next save go on top of the answer they have now seen.</summary>
    protected override void ShowingLatest(CommissioningCycle latest)
    {
        ModelState.Remove($"{nameof(Form)}.{nameof(Input.SeenRevision)}");
        Form = Form with { SeenRevision = latest.FindContribution(_contributionId)!.CurrentResponse?.Revision ?? 0 };
    }

    protected override async Task<bool> ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        var contribution = cycle.FindContribution(_contributionId);
        if (contribution is null || contribution.StageKind != Stage)
        {
            return false;
        }

        _fromPeopleWithoutAnAccount = contribution.AuthorUserId is null;
        _loggedBy = contribution.RecordedByUserId;
        var names = await PeopleNames.LoadAsync(Db,
            contribution.Responses.Select(r => r.RespondedByUserId).Append(contribution.AuthorUserId).Append(contribution.RecordedByUserId),
            User.UserId(), ct);
        Contribution = (await ContributionRow.WithWhatTheyAreAboutAsync(Db, [ContributionRow.From(contribution, names)], ct))[0];
        Responses = [.. contribution.Responses
            .OrderByDescending(r => r.Revision)
            .Select(r => new ResponseRow(r.Revision, r.Type, r.Explanation, names.Of(r.RespondedByUserId), r.RespondedAt))];
        return await base.ShowAsync(cycle, ct);
    }

    public sealed record ResponseRow(int Revision, ResponseType Type, string Explanation, string By, DateTimeOffset At);

    /// <summary>The answer, as the cycle names its parts; the cycle judges every answer.</summary>
    public sealed record Input
    {
        public ResponseType? Type { get; init; }

        public string Explanation { get; init; } = "";

        /// <summary>The revision of the answer the person saw when they opened the form; 0 for none.</summary>
        public int SeenRevision { get; init; }
    }
}
