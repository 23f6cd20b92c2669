using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using CoproCommissioning.Web.Pages.Invitations;
using Microsoft.AspNetCore.RateLimiting;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

[CyclePermission(CycleOperation.View)]
[EnableRateLimiting(RateLimitPolicies.SendInvitation)]
public sealed class IndexModel(CoproDbContext db, InvitationSender invitations, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty] public Input Form { get; set; } = new();
    [TempData] public string? Sent { get; set; }

    public Guid CycleId { get; private set; }
    public string CycleTitle { get; private set; } = "";
    public bool CanManage { get; private set; }
    public bool CanSeeAccessNeeds { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<InvitationRow> PendingInvitations { get; private set; } = [];
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid cycleId, int pageNumber = 1, CancellationToken ct = default)
    {
        await LoadAsync(cycleId, pageNumber, ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageMembers)]
    public async Task<IActionResult> OnPostInviteAsync(Guid cycleId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (token, hash) = InvitationTokens.Create();
        var outcome = Invitation.Create(cycleId, Form.Email, Form.Role, Form.PanelVoice, Form.OrganisationId, hash, User.UserId(), now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (Form.OrganisationId is { } organisationId
            && await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct) is { } organisation)
        {
            // A retired organisation keeps its history but takes no one new.
            ModelState.AddErrors(organisation.InvitationBlockers(), nameof(Form));
        }

        var normalised = (Form.Email ?? "").Trim().ToUpperInvariant();
        if (outcome.Succeeded && await db.Memberships.AnyAsync(m => m.CycleId == cycleId
            && db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalised), ct))
        {
            ModelState.AddErrors([new Refusal(MembershipRules.AlreadyMember)], nameof(Form));
        }

        if (ModelState.IsValid)
        {
            // A new invitation replaces any earlier one still waiting for the same address.
            var earlier = await db.Invitations
                .Where(i => i.CycleId == cycleId && i.Email.ToUpper() == normalised && i.AcceptedAt == null && i.RevokedAt == null)
                .ToListAsync(ct);
            earlier.ForEach(i => i.Revoke(now));
            db.Invitations.Add(outcome.Value);
            // Queued before the save, so the invitation and its email are saved together or not at all.
            invitations.Queue(outcome.Value, token, await InvitationSender.ContextAsync(db, cycleId, User.UserId(), ct), now);
            if (await SavedAsync(ct))
            {
                Sent = $"Invitation sent to {outcome.Value.Email}.";
                return RedirectToPage(new { cycleId });
            }
        }

        await LoadAsync(cycleId, 1, ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageMembers)]
    public async Task<IActionResult> OnPostWithdrawAsync(Guid cycleId, Guid invitationId, CancellationToken ct)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.CycleId == cycleId, ct);
        if (invitation is null)
        {
            return NotFound();
        }

        invitation.Revoke(clock.GetUtcNow());
        if (!await SavedAsync(ct))
        {
            await LoadAsync(cycleId, 1, ct);
            return Page();
        }

        Sent = $"Invitation to {invitation.Email} withdrawn.";
        return RedirectToPage(new { cycleId });
    }

    /// <summary>Saves, or says that someone else changed the invitations first (what was typed is kept).</summary>
    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        var saved = await db.TrySaveAsync(ct);
        if (saved.Refusal is { } refusal)
        {
            ModelState.AddErrors([refusal], nameof(Form));
        }
        else if (!saved.Succeeded)
        {
            ModelState.AddConcurrencyError();
        }

        return saved.Succeeded;
    }

    private async Task LoadAsync(Guid cycleId, int pageNumber, CancellationToken ct)
    {
        var me = HttpContext.CycleMember();
        CycleId = cycleId;
        CanManage = CyclePermissions.Allows(me.Role, CycleOperation.ManageMembers);
        CanSeeAccessNeeds = CyclePermissions.Allows(me.Role, CycleOperation.SeeAccessNeeds);
        CycleTitle = await db.Cycles.Where(c => c.Id == cycleId).Select(c => c.Title).SingleAsync(ct);

        var total = await db.Memberships.CountAsync(m => m.CycleId == cycleId, ct);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(pageNumber, 1, PageCount);
        var rows = await (
                from m in db.Memberships.AsNoTracking()
                where m.CycleId == cycleId
                join u in db.Users on m.UserId equals u.Id
                join o in db.Organisations on m.OrganisationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                orderby m.Role, u.DisplayName
                select new { m.UserId, m.Role, m.PanelVoice, Organisation = o == null ? null : o.Name, User = u })
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        var myId = User.UserId();
        Members = [.. rows.Select(r => new MemberRow(
            r.UserId == myId ? $"{r.User.DisplayName} (you)" : r.User.NameShownToOthers,
            Labels.Of(r.Role, r.PanelVoice),
            r.Organisation,
            CanSeeAccessNeeds ? string.Join(", ", r.User.CommunicationPreferences.Select(CommunicationPreferenceNames.Of)) : null,
            CanSeeAccessNeeds ? r.User.AccessNeeds : null))];

        if (CanManage)
        {
            var now = clock.GetUtcNow();
            PendingInvitations = await db.Invitations.AsNoTracking()
                .Where(i => i.CycleId == cycleId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .OrderByDescending(i => i.CreatedAt)
                .Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.PanelVoice, i.ExpiresAt))
                .ToListAsync(ct);
            Organisations = await db.Organisations.AsNoTracking().Where(o => o.RetiredAt == null).OrderBy(o => o.Name).ToListAsync(ct);
        }
    }

    public sealed record MemberRow(string Name, string Role, string? Organisation, string? Communication, string? AccessNeeds);

    public sealed record InvitationRow(Guid Id, string Email, CycleRole Role, Voice? PanelVoice, DateTimeOffset ExpiresAt);

    /// <summary>Who to invite and in what role, as the invitation names them; the invitation judges every answer.</summary>
    public sealed record Input
    {
        public string Email { get; init; } = "";
        public CycleRole? Role { get; init; }
        public Voice? PanelVoice { get; init; }
        public Guid? OrganisationId { get; init; }
    }
}
