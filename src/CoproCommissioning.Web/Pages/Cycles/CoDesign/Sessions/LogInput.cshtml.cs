using System.Globalization;
using CoproCommissioning.Domain.CoDesign;
using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

/// <summary>
/// The champion or a commissioner logs input from a session on behalf of the people there: a co-design
/// contribution linked to the session, which then needs a response like any other input (R3).
/// </summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class LogInputModel(CoproDbContext db, IValidator<LogInputModel.Input> validator, TimeProvider clock, ILogger<LogInputModel> logger)
    : CoDesignPageModel(db)
{
    public const int VoicesCarriedMaxValue = 10000;

    [BindProperty]
    public Input Form { get; set; } = new();

    public CoDesignSession Session { get; private set; } = null!;

    /// <summary>Members who came to the session, other than the person logging: input can be logged for one of them.</summary>
    public IReadOnlyList<CycleMemberRow> Attendees { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) => ShowAsync(
        async () =>
        {
            if (!await LoadSessionAsync(sessionId, ct))
            {
                return false;
            }

            Form = new Input { VoicesCarried = Math.Max(1, Session.OtherAttendees).ToString(CultureInfo.InvariantCulture) };
            return true;
        },
        ct);

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadHeadingAsync(Db, ct) || !await LoadSessionAsync(sessionId, ct))
        {
            return NotFound();
        }

        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        var attendee = Attendees.Find(Form.OnBehalfOfMemberId);
        var onBehalfOf = attendee is null ? null : new Contributor(attendee.UserId, attendee.Role);
        if (Form.OnBehalfOfMemberId is not null && onBehalfOf is null)
        {
            ModelState.AddModelError("Form.OnBehalfOfMemberId", "Choose whose input this is from the people who came.");
        }

        var cycle = await Db.Cycles.IncludeStages().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var outcome = cycle.LogContributionOnBehalf(StageKind.CoDesign, User.UserId(), Role, onBehalfOf, Form.VoicesCarriedCount(),
            Form.Voice, Session.InputChannel, Form.Visibility, Form.Summary, Form.Body, clock.GetUtcNow(), Session.AsContributionTarget,
            new InputOrigin(Session.Date, Session.Id));
        ModelState.AddErrors(outcome, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await Db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            ModelState.AddErrors(saved, nameof(Form));
            return Page();
        }

        logger.LogInformation("Contribution {ContributionId} logged from co-design session {SessionId} of cycle {CycleId}",
            outcome.Value.Id, Session.Id, CycleId);
        TempData.SetSuccess("Input logged from this session. It now needs a response in the co-design workspace.");
        return RedirectToPage("/Cycles/CoDesign/Sessions/Details", null, new { cycleId = CycleId, sessionId }, "input");
    }

    /// <summary>The session, and the members who came to it other than the person logging.</summary>
    private async Task<bool> LoadSessionAsync(Guid sessionId, CancellationToken ct)
    {
        if (await FindSessionAsync(sessionId, ct) is not { } session)
        {
            return false;
        }

        Session = session;
        var me = User.UserId();
        var came = session.Attendees.Select(a => a.UserId).Where(id => id != me).ToHashSet(StringComparer.Ordinal);
        Attendees = [.. (await CycleMemberRow.LoadAsync(Db, CycleId, me, ct)).Where(m => came.Contains(m.UserId))];
        return true;
    }

    public sealed record Input
    {
        public string Summary { get; init; } = "";

        public string Body { get; init; } = "";

        public Voice? Voice { get; init; }

        /// <summary>A member who came (<see cref="CycleMemberRow.MemberId"/>), or null for people without an account.</summary>
        public Guid? OnBehalfOfMemberId { get; init; }

        public string VoicesCarried { get; init; } = "1";

        public ContributionVisibility? Visibility { get; init; }

        public int VoicesCarriedCount() =>
            int.TryParse(VoicesCarried?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : 0;
    }

    /// <summary>What the cycle can't judge: a count that can't be read.</summary>
    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.VoicesCarried)
                .Must(n => int.TryParse(n?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count <= VoicesCarriedMaxValue)
                .WithMessage($"Enter how many people's views this carries, as a number from 1 to {VoicesCarriedMaxValue}.");
        }
    }
}
