using System.Globalization;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

/// <summary>A commissioner or the champion adds a co-design workshop or meeting, before or after it happens.</summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class AddModel(CoproDbContext db, IValidator<AddModel.Input> validator, TimeProvider clock, ILogger<AddModel> logger)
    : StageContentPageModel(StageKind.CoDesign)
{
    public const string UnknownAttendeeMessage = "Choose who came from the list of members. Someone you chose is no longer a member.";

    public static readonly IReadOnlyDictionary<string, string> FieldsByCode = new Dictionary<string, string>
    {
        [CoDesignRules.SessionTitleRequired.Code] = "Form.Title",
        [CoDesignRules.SessionTitleTooLong.Code] = "Form.Title",
        [CoDesignRules.SessionEndBeforeStart.Code] = "Form.EndTime",
        [CoDesignRules.SessionVenueRequired.Code] = "Form.Venue",
        [CoDesignRules.SessionVenueTooLong.Code] = "Form.Venue",
        [CoDesignRules.SessionJoiningDetailsTooLong.Code] = "Form.JoiningDetails",
        [CoDesignRules.SessionOtherArrangementsTooLong.Code] = "Form.OtherAccessArrangements",
        [CoDesignRules.SessionOtherAttendeesInvalid.Code] = "Form.OtherAttendees",
        [CoDesignRules.SessionMinutesTooLong.Code] = "Form.Minutes",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<CycleMemberRow> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!Form.ChoosesMembersOf(Members))
        {
            ModelState.AddModelError("Form.AttendeeMemberIds", UnknownAttendeeMessage);
            return Page();
        }

        var outcome = CoDesignSession.Schedule(cycle, Form.ToDetails(Members), User.UserId(), HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        db.CoDesignSessions.Add(outcome.Value);
        if (await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct) != StageContentSave.Saved)
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        logger.LogInformation("Co-design session {SessionId} added to cycle {CycleId}", outcome.Value.Id, CycleId);
        TempData.SetSuccess($"Session added: {outcome.Value.Title}.");
        return RedirectToPage("/Cycles/CoDesign/Sessions/Details", new { cycleId = CycleId, sessionId = outcome.Value.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Members = await CycleMemberRow.LoadAsync(db, CycleId, User.UserId(), ct);
        return await LoadHeadingAsync(db, ct);
    }

    public sealed record Input
    {
        public string Title { get; init; } = "";

        public DateParts Date { get; init; } = new();

        public string StartTime { get; init; } = "";

        public string EndTime { get; init; } = "";

        public SessionFormat? Format { get; init; }

        public string Venue { get; init; } = "";

        public string JoiningDetails { get; init; } = "";

        public List<AccessArrangement> AccessArrangements { get; init; } = [];

        public string OtherAccessArrangements { get; init; } = "";

        /// <summary>Members who came, by <see cref="CycleMemberRow.MemberId"/>.</summary>
        public List<Guid> AttendeeMemberIds { get; init; } = [];

        public string OtherAttendees { get; init; } = "0";

        public string Minutes { get; init; } = "";

        /// <summary>The version the person started editing from (edit only).</summary>
        public uint Version { get; init; }

        public bool ChoosesMembersOf(IReadOnlyList<CycleMemberRow> members) =>
            AttendeeMemberIds.All(id => members.Find(id) is not null);

        /// <summary>
        /// What the domain needs, once <see cref="InputValidator"/> and <see cref="ChoosesMembersOf"/> have passed.
        /// <paramref name="keptAttendees"/>: people recorded as coming who are no longer members, so not on the form.
        /// </summary>
        public SessionDetails ToDetails(IReadOnlyList<CycleMemberRow> members, IEnumerable<string>? keptAttendees = null)
        {
            if (!Date.TryGetDate(out var date) || !CoDesignLabels.TryParseTime(StartTime, out var start))
            {
                throw new InvalidOperationException("Validate the input first.");
            }

            TimeOnly? end = CoDesignLabels.TryParseTime(EndTime, out var finish) ? finish : null;
            int others = string.IsNullOrWhiteSpace(OtherAttendees) ? 0 : int.Parse(OtherAttendees.Trim(), CultureInfo.InvariantCulture);
            return new SessionDetails(Title, date, start, end, Format!.Value, Venue, JoiningDetails, AccessArrangements,
                OtherAccessArrangements,
                [.. AttendeeMemberIds.Select(id => members.Find(id)!.UserId).Concat(keptAttendees ?? []).Distinct(StringComparer.Ordinal)],
                others, Minutes);
        }

        public static Input From(CoDesignSession session, IReadOnlyList<CycleMemberRow> members) => new()
        {
            Title = session.Title,
            Date = DateParts.From(session.Date),
            StartTime = CoDesignLabels.ForInput(session.StartTime),
            EndTime = session.EndTime is { } end ? CoDesignLabels.ForInput(end) : "",
            Format = session.Format,
            Venue = session.Venue,
            JoiningDetails = session.JoiningDetails,
            AccessArrangements = [.. session.AccessArrangements],
            OtherAccessArrangements = session.OtherAccessArrangements,
            AttendeeMemberIds = [.. members.Where(m => session.Attendees.Any(a => a.UserId == m.UserId)).Select(m => m.MemberId)],
            OtherAttendees = session.OtherAttendees.ToString(CultureInfo.InvariantCulture),
            Minutes = session.Minutes,
            Version = session.Version,
        };
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Title)
                .NotEmpty().WithMessage(CoDesignRules.SessionTitleRequired.Message)
                .MaximumLength(CoDesignSession.TitleMaxLength).WithMessage(CoDesignRules.SessionTitleTooLong.Message);
            RuleFor(x => x.Date)
                .Must(d => !d.IsEmpty).WithMessage("Enter the date of the session, for example 10 3 2026.")
                .Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("The date of the session must be a real date, for example 10 3 2026.");
            RuleFor(x => x.StartTime)
                .NotEmpty().WithMessage("Enter the time the session starts, for example 10:30 or 2pm.")
                .Must(t => string.IsNullOrWhiteSpace(t) || CoDesignLabels.TryParseTime(t, out _))
                .WithMessage("Enter the start time as a time of day, for example 10:30 or 2pm.");
            RuleFor(x => x.EndTime)
                .Must(t => string.IsNullOrWhiteSpace(t) || CoDesignLabels.TryParseTime(t, out _))
                .WithMessage("Enter the end time as a time of day, for example 13:00 or 1pm, or leave it empty.");
            RuleFor(x => x.Format)
                .NotNull().WithMessage("Choose whether the session is in person, online or both.")
                .IsInEnum().WithMessage("Choose whether the session is in person, online or both.");
            RuleFor(x => x.Venue)
                .NotEmpty().When(x => x.Format is SessionFormat.InPerson or SessionFormat.Hybrid)
                .WithMessage(CoDesignRules.SessionVenueRequired.Message);
            RuleFor(x => x.Venue)
                .MaximumLength(CoDesignSession.VenueMaxLength).WithMessage(CoDesignRules.SessionVenueTooLong.Message);
            RuleFor(x => x.JoiningDetails)
                .MaximumLength(CoDesignSession.JoiningDetailsMaxLength).WithMessage(CoDesignRules.SessionJoiningDetailsTooLong.Message);
            RuleFor(x => x.OtherAccessArrangements)
                .MaximumLength(CoDesignSession.OtherAccessArrangementsMaxLength).WithMessage(CoDesignRules.SessionOtherArrangementsTooLong.Message);
            RuleFor(x => x.OtherAttendees)
                .Must(n => string.IsNullOrWhiteSpace(n)
                    || (int.TryParse(n.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count <= CoDesignSession.OtherAttendeesMaxValue))
                .WithMessage(CoDesignRules.SessionOtherAttendeesInvalid.Message);
            RuleFor(x => x.Minutes)
                .MaximumLength(CoDesignSession.MinutesMaxLength).WithMessage(CoDesignRules.SessionMinutesTooLong.Message);
        }
    }
}
