using System.Globalization;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using CoproCommissioning.Web.Pages.Cycles.Members;
using CoproCommissioning.Web.Pages.Invitations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>
/// A commissioner starts a cycle. They become its first commissioner. The co-production champion is a colleague
/// from their own organisation, who joins in the same save, or someone invited by email, who joins on accepting.
/// Panel members and providers are never listed here: the list would show their names and emails to any
/// commissioner. Everyone else is invited from the members page.
/// </summary>
[Authorize(Roles = SiteRoles.Commissioner)]
[EnableRateLimiting(RateLimitPolicies.CreateCycle)]
public sealed class NewModel(CoproDbContext db, IValidator<NewModel.Input> validator, InvitationSender invitations,
    TimeProvider clock, ILogger<NewModel> logger) : PageModel
{
    public const string NoChampionYet = "";
    public const string InviteChampion = "invite";

    /// <summary>More colleagues than this and the page offers a search instead of one long list.</summary>
    public const int ColleaguesListed = 30;

    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<Person> People { get; private set; } = [];

    /// <summary>True when there are more colleagues than are listed: the page shows the search.</summary>
    public bool ColleaguesSearchable { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadPeopleAsync(ct);
        var me = User.UserId();
        var organisation = await db.Users.Where(u => u.Id == me)
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => o.Name)
            .SingleOrDefaultAsync(ct);
        Form = new Input { CommissioningOrganisation = organisation ?? "" };
    }

    /// <summary>Narrows the list of colleagues, keeping everything typed so far.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        await LoadPeopleAsync(ct);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadPeopleAsync(ct);
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        var me = User.UserId();
        var now = clock.GetUtcNow();
        var budget = Input.ReadBudget(Form.Budget);
        if (!budget.Read)
        {
            // Not a number of pounds at all: the cycle's budget rule, which it could not be asked about.
            ModelState.AddErrors([new Refusal(CycleRules.BudgetInvalid)], nameof(Form));
        }

        var created = CommissioningCycle.Create(Form.Title, Form.ServiceArea, Form.PopulationServed, budget.Pounds,
            Form.StartDate.TryGetDate(out var startDate) ? startDate : null, Form.CommissioningOrganisation, me, now,
            Input.ReadMinimum(Form.MinimumLivedExperienceContributions), Input.ReadMinimum(Form.MinimumDistinctContributors));
        ModelState.AddErrors(created, nameof(Form));
        var championId = Form.ChampionUserId is NoChampionYet or InviteChampion or null ? null : Form.ChampionUserId;
        if (championId is not null && !await Colleagues().AnyAsync(u => u.Id == championId, ct))
        {
            ModelState.AddModelError("Form.ChampionUserId", "Choose a co-production champion from the list, or invite one by email");
        }

        if (Form.ChampionUserId == InviteChampion)
        {
            // The invitation's address is the champion's on this form.
            ModelState.AddErrors(
                Invitation.EmailProblems(Form.ChampionEmail).Select(r => r with { Field = nameof(Input.ChampionEmail) }), nameof(Form));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var cycle = created.Value;
        db.Cycles.Add(cycle);
        var creator = Must(CycleMembership.Create(cycle.Id, me, CycleRole.Commissioner, null, null, me, now));
        db.Memberships.Add(creator);
        if (championId is not null)
        {
            db.Memberships.Add(Must(CycleMembership.Create(cycle.Id, championId, CycleRole.CoProductionChampion, null, null, me, now)));
            var named = cycle.SetChampion(championId, creator.Role, now);
            if (!named.Succeeded)
            {
                throw new InvalidOperationException($"The creator of a cycle could not name its champion: {named.Refusals[0].Rule.Code}");
            }
        }

        if (Form.ChampionUserId == InviteChampion)
        {
            var (token, hash) = InvitationTokens.Create();
            var invited = Must(Invitation.Create(cycle.Id, Form.ChampionEmail, CycleRole.CoProductionChampion, null, null, hash, me, now));
            db.Invitations.Add(invited);
            // Saved with the cycle and the invitation, or not at all.
            invitations.Queue(invited, token, await InvitationSender.ContextAsync(db, cycle, me, ct), now);
        }

        if (!(await db.TrySaveAsync(ct)).Succeeded)
        {
            ModelState.AddConcurrencyError();
            return Page();
        }

        logger.LogInformation("Cycle {CycleId} created by {UserId}", cycle.Id, me);
        TempData.SetSuccess("Cycle created. Next, invite the people who will take part: panel members, carers, providers and clinical advisers.");
        return RedirectToPage("/Cycles/Details", new { cycleId = cycle.Id });
    }

    private static T Must<T>(DomainOutcome<T> outcome)
        where T : class =>
        outcome.Succeeded
            ? outcome.Value
            : throw new InvalidOperationException($"Creating a cycle's first members was refused: {outcome.Refusals[0].Rule.Code}");

    /// <summary>
    /// Who may be named champion: staff of the creator's own organisation, not the creator (one role per cycle),
    /// and never anyone taking part in a cycle as a panel member or provider.
    /// </summary>
    private IQueryable<AppUser> Colleagues()
    {
        var me = User.UserId();
        var myOrganisation = db.Users.Where(u => u.Id == me).Select(u => u.OrganisationId);
        return db.Users.AsNoTracking()
            .Where(u => u.Id != me && u.DeletedAt == null && u.FormerParticipantNumber == null
                && u.OrganisationId != null && myOrganisation.Contains(u.OrganisationId)
                && !db.Memberships.Any(m => m.UserId == u.Id && (m.Role == CycleRole.PanelMember || m.Role == CycleRole.Provider)));
    }

    private async Task LoadPeopleAsync(CancellationToken ct)
    {
        var colleagues = Colleagues();
        var search = Form.ChampionSearch?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var pattern = $"%{search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            colleagues = colleagues.Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }

        var listed = await colleagues.OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName, u.Email ?? ""))
            .Take(ColleaguesListed + 1)
            .ToListAsync(ct);
        ColleaguesSearchable = listed.Count > ColleaguesListed || !string.IsNullOrEmpty(search);
        People = [.. listed.Take(ColleaguesListed)];
        // A colleague chosen before a search narrowed the list stays a choice.
        if (Form.ChampionUserId is { } chosen and not (NoChampionYet or InviteChampion) && People.All(p => p.UserId != chosen))
        {
            var kept = await Colleagues().Where(u => u.Id == chosen).Select(u => new Person(u.Id, u.DisplayName, u.Email ?? "")).SingleOrDefaultAsync(ct);
            People = kept is null ? People : [kept, .. People];
        }
    }

    public sealed record Person(string UserId, string Name, string Email);

    public sealed record Input
    {
        public string Title { get; init; } = "";

        public string ServiceArea { get; init; } = "";

        public string PopulationServed { get; init; } = "";

        public string CommissioningOrganisation { get; init; } = "";

        public string Budget { get; init; } = "";

        public DateParts StartDate { get; init; } = new();

        /// <summary>A colleague's account id, <see cref="InviteChampion"/>, or <see cref="NoChampionYet"/>.</summary>
        public string? ChampionUserId { get; init; }

        public string ChampionEmail { get; init; } = "";

        public string? ChampionSearch { get; init; }

        public string MinimumLivedExperienceContributions { get; init; } = "1";

        public string MinimumDistinctContributors { get; init; } = "1";

        /// <summary>
        /// Pounds as people type them: "250000", "250,000.50", "£1,200". Empty is no budget yet; <c>Read</c> is false
        /// when what was typed is not a number.
        /// </summary>
        public static (decimal? Pounds, bool Read) ReadBudget(string? text)
        {
            var cleaned = (text ?? "").Trim().TrimStart('£').Trim();
            if (cleaned.Length == 0)
            {
                return (null, true);
            }

            return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var pounds)
                ? (pounds, true)
                : (null, false);
        }

        /// <summary>A whole number as typed, or null when it is not one (the cycle asks for one).</summary>
        public static int? ReadMinimum(string? text) =>
            int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;
    }

    /// <summary>Only what the cycle never sees: a start date that is not a real date (a blank one is the cycle's to refuse).</summary>
    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(x => x.StartDate)
                .Must(date => date is null || date.IsEmpty || date.TryGetDate(out _))
                .WithMessage("The start date must be a real date, for example 1 4 2026");
    }
}
