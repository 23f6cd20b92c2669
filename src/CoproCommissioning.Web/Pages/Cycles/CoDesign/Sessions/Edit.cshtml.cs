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

/// <summary>A commissioner or the champion adds minutes and who came, or corrects a session; two people at once are told (R8).</summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class EditModel(CoproDbContext db, IValidator<AddModel.Input> validator, TimeProvider clock, ILogger<EditModel> logger)
    : StageContentPageModel(StageKind.CoDesign)
{
    public const string ConflictMessage =
        "Someone changed this session while you were editing. Your changes have not been saved: check the latest version, then save again.";

    [BindProperty]
    public AddModel.Input Form { get; set; } = new();

    public IReadOnlyList<CycleMemberRow> Members { get; private set; } = [];

    /// <summary>What is saved now, shown after a conflict so the person can compare.</summary>
    public CoDesignSession? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await FindAsync(sessionId, ct);
        if (session is null || !await LoadAsync(session, ct))
        {
            return NotFound();
        }

        Form = AddModel.Input.From(session, Members);
        return Page();
    }

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await FindAsync(sessionId, ct);
        if (session is null)
        {
            return NotFound();
        }

        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await LoadAsync(session, ct) ? Page() : NotFound();
        }

        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (!await LoadAsync(session, ct))
        {
            return NotFound();
        }

        if (!Form.ChoosesMembersOf(Members))
        {
            ModelState.AddModelError("Form.AttendeeMemberIds", AddModel.UnknownAttendeeMessage);
            return Page();
        }

        // People who came and have since left the cycle aren't on the form: they stay on the record of a past session.
        var former = session.Attendees.Select(a => a.UserId).Where(id => Members.All(m => m.UserId != id)).ToList();
        db.Entry(session).Property(s => s.Version).OriginalValue = Form.Version;
        var outcome = session.Revise(cycle, Form.ToDetails(Members, former), HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, AddModel.FieldsByCode);
            return await LoadAsync(session, ct) ? Page() : NotFound();
        }

        // Changing only who came touches only the attendee rows: update the session's own row too, so its
        // version (xmin) moves and the check above covers every part of the session.
        db.Entry(session).Property(s => s.Title).IsModified = true;
        var saved = await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct, reportConflict: false);
        if (saved == StageContentSave.StageSignedOff)
        {
            return await LoadAsync(session, ct) ? Page() : NotFound();
        }

        if (saved == StageContentSave.Conflict)
        {
            Latest = await FindAsync(sessionId, ct);
            if (Latest is null)
            {
                return NotFound();
            }

            Form = Form with { Version = Latest.Version };
            ModelState.AddModelError("", ConflictMessage);
            return await LoadAsync(Latest, ct) ? Page() : NotFound();
        }

        logger.LogInformation("Co-design session {SessionId} of cycle {CycleId} changed", session.Id, CycleId);
        TempData.SetSuccess("Your changes to the session were saved.");
        return RedirectToPage("/Cycles/CoDesign/Sessions/Details", new { cycleId = CycleId, sessionId });
    }

    private Task<CoDesignSession?> FindAsync(Guid sessionId, CancellationToken ct)
    {
        var cycleId = CycleId;
        return db.CoDesignSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.CycleId == cycleId, ct);
    }

    private async Task<bool> LoadAsync(CoDesignSession session, CancellationToken ct)
    {
        Members = await CycleMemberRow.LoadAsync(db, session.CycleId, User.UserId(), ct);
        return await LoadHeadingAsync(db, ct);
    }
}
