using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Bids;

/// <summary>
/// A provider's own organisation's bid: start it, write it, save it as a draft, submit it and withdraw it, until the
/// deadline. The bid is found from the signed-in member's organisation, never from the form or the address, so no
/// request can reach another organisation's bid; nor does the page say whether anyone else bids.
/// </summary>
[CyclePermission(CycleOperation.SubmitBid)]
public sealed class MyBidModel(CoproDbContext db, TimeProvider clock, ILogger<MyBidModel> logger) : ProcurementPageModel
{
    public const string ConflictMessage =
        "Someone else in your organisation changed the bid while you were writing. Your changes have not been saved: check the latest version below, then save again.";

    public const string StartFirstMessage = "Your organisation has no bid to change. Start your bid first.";

    private CommissioningCycle _cycle = null!;

    [BindProperty]
    public BidForm Form { get; set; } = new();

    public CycleProcurement Procurement { get; private set; } = null!;

    /// <summary>The organisation's bid; null until someone starts it.</summary>
    public Bid? Bid { get; private set; }

    public bool IsPastDeadline { get; private set; }

    /// <summary>Showing the question "Are you sure you want to withdraw your bid?" instead of the form.</summary>
    public bool ConfirmingWithdrawal { get; private set; }

    /// <summary>After someone else saved first: their text, to compare with what this person typed.</summary>
    public BidForm? Latest { get; private set; }

    public bool MayChange => !IsPastDeadline && !IsSignedOff;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Bid is not null)
        {
            Form = BidForm.From(Bid);
        }

        return Page();
    }

    /// <summary>Asks "are you sure" before a bid is withdrawn.</summary>
    public async Task<IActionResult> OnGetWithdrawAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Bid is null || Bid.Status == BidStatus.Withdrawn || !MayChange)
        {
            return Redirect(ProcurementUrls.MyBid(CycleId));
        }

        Form = BidForm.From(Bid);
        ConfirmingWithdrawal = true;
        return Page();
    }

    [CyclePermission(CycleOperation.SubmitBid)]
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct, forChange: true) is { } elsewhere)
        {
            return elsewhere;
        }

        var started = Bid.Start(_cycle, Procurement, OrganisationId, Bid is not null, UserId, Role, clock.GetUtcNow());
        ModelState.AddErrors(started, nameof(Form));
        if (!started.Succeeded)
        {
            return await ShowAgainAsync(keepTyped: false, ct);
        }

        db.Bids.Add(started.Value);
        var saved = await db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            // Two colleagues starting at once: one bid is started, and the other is shown it.
            ModelState.AddErrors(saved.Status == SaveStatus.Conflict ? SaveOutcome.Refused(ProcurementRules.OrganisationHasBid) : saved, nameof(Form));
            return await ShowAgainAsync(keepTyped: false, ct);
        }

        logger.LogInformation("Bid {BidId} started in cycle {CycleId}", started.Value.Id, CycleId);
        TempData.SetSuccess("Your bid is started. Only people from your organisation can see it.");
        return Redirect(ProcurementUrls.MyBid(CycleId));
    }

    [CyclePermission(CycleOperation.SubmitBid)]
    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => ChangeAsync(
        (bid, cycle, now) => bid.Save(cycle, Procurement, Draft(), UserId, Role, OrganisationId, now),
        "Your bid is saved as a draft. Submit it before the deadline.",
        keepTyped: true,
        ct);

    /// <summary>Saves what was typed and submits it, both or neither.</summary>
    [CyclePermission(CycleOperation.SubmitBid)]
    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => ChangeAsync(
        (bid, cycle, now) =>
        {
            var saved = bid.Save(cycle, Procurement, Draft(), UserId, Role, OrganisationId, now);
            return saved.Succeeded ? bid.Submit(cycle, Procurement, UserId, Role, OrganisationId, now) : saved;
        },
        "Your bid is submitted. Nobody can read it until the deadline has passed. You can still change or withdraw it until then.",
        keepTyped: true,
        ct);

    [CyclePermission(CycleOperation.SubmitBid)]
    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => ChangeAsync(
        (bid, cycle, now) => bid.Withdraw(cycle, Procurement, UserId, Role, OrganisationId, now),
        "Your bid is withdrawn. It will not be read or scored. You can change it and submit it again before the deadline.",
        keepTyped: false,
        ct);

    /// <summary>
    /// One change to the bid, saved only if nobody changed it since the person opened it. <paramref name="keepTyped"/>:
    /// the form posted the bid's text, to be shown again as typed when the change is refused.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        Func<Bid, CommissioningCycle, DateTimeOffset, DomainOutcome> change, string success, bool keepTyped, CancellationToken ct)
    {
        if (await LoadAsync(ct, forChange: true) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Bid is null)
        {
            ModelState.AddModelError("", StartFirstMessage);
            return await ShowAgainAsync(keepTyped: false, ct);
        }

        var bid = Bid;
        db.Entry(bid).Property(b => b.Version).OriginalValue = Form.Version;
        var outcome = change(bid, _cycle, clock.GetUtcNow());
        ModelState.AddErrors(outcome, nameof(Form));
        if (!outcome.Succeeded)
        {
            return await ShowAgainAsync(keepTyped, ct);
        }

        var saved = await db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddModelError("", ConflictMessage);
            }
            else
            {
                ModelState.AddErrors(saved, nameof(Form));
            }

            var shown = await ShowAgainAsync(keepTyped, ct);
            if (Bid is { } latest)
            {
                Latest = BidForm.From(latest);
                Form = Form with { Version = latest.Version };
            }

            return shown;
        }

        logger.LogInformation("Bid {BidId} of cycle {CycleId} is now {Status}", bid.Id, CycleId, bid.Status);
        TempData.SetSuccess(success);
        return Redirect(ProcurementUrls.MyBid(CycleId));
    }

    /// <summary>
    /// What was typed, for the procurement's criteria only: an answer posted for anything else is not one of this
    /// procurement's questions and is left out.
    /// </summary>
    private BidDraft Draft() => new(
        Form.Partners,
        Procurement.Criteria.ToDictionary(c => c.Id, c => Form.Responses.GetValueOrDefault(c.Id)),
        Form.Attachments);

    /// <summary>The page again with the bid as it is saved now, and the form as typed or, if it posted no text, as saved.</summary>
    private async Task<IActionResult> ShowAgainAsync(bool keepTyped, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await LoadAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (!keepTyped && Bid is not null)
        {
            Form = BidForm.From(Bid);
        }

        return Page();
    }

    /// <summary>
    /// Loads the procurement and the organisation's bid; a redirect to the overview when there is no bidding here to
    /// take part in (no procurement, a direct route, or bidding not open yet).
    /// </summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool forChange = false)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        _cycle = cycle;

        if (await LoadProcurementAsync(db, forChange: false, ct) is not { IsCompetitive: true, IsBiddingOpen: true } procurement)
        {
            return Redirect(OverviewUrl);
        }

        Procurement = procurement;
        var now = clock.GetUtcNow();
        IsPastDeadline = procurement.IsPastDeadline(now);
        Bid = (await LoadReadableBidsAsync(db, procurement, now, forChange, ct)).SingleOrDefault();
        return null;
    }
}

/// <summary>A bid as the provider writes it: named as the domain names it, so each refusal shows beside its answer.</summary>
public sealed record BidForm
{
    public string Partners { get; init => field = value ?? ""; } = "";

    /// <summary>The answer to each criterion, by the criterion's id: <c>Form.Responses[criterionId]</c>.</summary>
    public Dictionary<Guid, string?> Responses { get; init; } = [];

    public string Attachments { get; init => field = value ?? ""; } = "";

    /// <summary>The bid's version when the person opened it, so a colleague's save in between is noticed (R8).</summary>
    public uint Version { get; init; }

    public static BidForm From(Bid bid)
    {
        ArgumentNullException.ThrowIfNull(bid);
        return new BidForm
        {
            Partners = bid.Partners,
            Responses = bid.Responses.ToDictionary(r => r.CriterionId, r => (string?)r.Text),
            Attachments = bid.Attachments,
            Version = bid.Version,
        };
    }
}
