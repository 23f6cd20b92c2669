using System.Globalization;
using CoproCommissioning.Data;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using CoproCommissioning.Web.Pages.Cycles.Members;
using CoproCommissioning.Web.Pages.Invitations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

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

    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [CycleRules.CycleTitleRequired.Code] = "Form.Title",
        [CycleRules.CycleTitleTooLong.Code] = "Form.Title",
        [CycleRules.ServiceAreaRequired.Code] = "Form.ServiceArea",
        [CycleRules.ServiceAreaTooLong.Code] = "Form.ServiceArea",
        [CycleRules.PopulationServedRequired.Code] = "Form.PopulationServed",
        [CycleRules.PopulationServedTooLong.Code] = "Form.PopulationServed",
        [CycleRules.CommissioningOrganisationRequired.Code] = "Form.CommissioningOrganisation",
        [CycleRules.CommissioningOrganisationTooLong.Code] = "Form.CommissioningOrganisation",
        [CycleRules.BudgetInvalid.Code] = "Form.Budget",
        [CycleRules.PolicyMinimumContributions.Code] = "Form.MinimumContributions",
        [CycleRules.PolicyMinimumContributors.Code] = "Form.MinimumContributors",
    };

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
        var championId = Form.ChampionUserId is NoChampionYet or InviteChampion or null ? null : Form.ChampionUserId;
        if (championId is not null && !await Colleagues().AnyAsync(u => u.Id == championId, ct))
        {
            ModelState.AddModelError("Form.ChampionUserId", "Choose a co-production champion from the list, or invite one by email");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var me = User.UserId();
        var now = clock.GetUtcNow();
        Form.StartDate.TryGetDate(out var startDate);
        var created = CommissioningCycle.Create(
            Form.Title, Form.ServiceArea, Form.PopulationServed, Input.ParseBudget(Form.Budget), startDate, Form.CommissioningOrganisation, me, now);
        if (!created.Succeeded)
        {
            ModelState.AddErrors(created.Refusals, FieldsByCode);
            return Page();
        }

        var cycle = created.Value;
        var policy = cycle.ChangeSignOffPolicy(Input.ParseMinimum(Form.MinimumContributions), Input.ParseMinimum(Form.MinimumContributors),
            CycleRole.Commissioner, now);
        if (!policy.Succeeded)
        {
            ModelState.AddErrors(policy.Refusals, FieldsByCode);
            return Page();
        }

        db.Cycles.Add(cycle);
        db.Memberships.Add(Must(CycleMembership.Create(cycle.Id, me, CycleRole.Commissioner, null, null, me, now)));
        if (championId is not null)
        {
            db.Memberships.Add(Must(CycleMembership.Create(cycle.Id, championId, CycleRole.CoProductionChampion, null, null, me, now)));
            var named = cycle.SetChampion(championId, CycleRole.Commissioner, now);
            if (!named.Succeeded)
            {
                throw new InvalidOperationException($"The creator of a cycle could not name its champion: {named.Refusals[0].Rule.Code}");
            }
        }

        (Invitation Invitation, string Token)? championInvitation = null;
        if (Form.ChampionUserId == InviteChampion)
        {
            var (token, hash) = InvitationTokens.Create();
            var invited = Invitation.Create(cycle.Id, Form.ChampionEmail.Trim(), CycleRole.CoProductionChampion, null, null, hash, me, now);
            if (!invited.Succeeded)
            {
                invited.Refusals.ToList().ForEach(r => ModelState.AddModelError("Form.ChampionEmail", r.Rule.Message));
                return Page();
            }

            db.Invitations.Add(invited.Value);
            championInvitation = (invited.Value, token);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Cycle {CycleId} created by {UserId}", cycle.Id, me);
        if (championInvitation is var (invitation, championToken))
        {
            await invitations.SendAsync(invitation, championToken, cycle.Title);
        }

        TempData.SetSuccess("Cycle created. Next, invite the people who will take part: panel members, carers, providers and clinical advisers.");
        return RedirectToPage("/Cycles/Details", new { cycleId = cycle.Id });
    }

    private static CycleMembership Must(Domain.DomainOutcome<CycleMembership> outcome) =>
        outcome.Succeeded
            ? outcome.Value
            : throw new InvalidOperationException($"A commissioner or champion membership was refused: {outcome.Refusals[0].Rule.Code}");

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

        public string MinimumContributions { get; init; } = "1";

        public string MinimumContributors { get; init; } = "1";

        /// <summary>Pounds as people type them: "250000", "250,000.50", "£1,200". Null when empty or not a number.</summary>
        public static decimal? ParseBudget(string? text)
        {
            var cleaned = (text ?? "").Trim().TrimStart('£').Trim();
            return cleaned.Length > 0
                && decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var pounds)
                    ? pounds
                    : null;
        }

        public static int ParseMinimum(string? text) =>
            int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : 0;
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a title for the cycle")
                .MaximumLength(CommissioningCycle.TitleMaxLength).WithMessage($"Enter a title of {CommissioningCycle.TitleMaxLength} characters or fewer");
            RuleFor(x => x.ServiceArea).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(CycleRules.ServiceAreaRequired.Message)
                .MaximumLength(CommissioningCycle.ServiceAreaMaxLength).WithMessage(CycleRules.ServiceAreaTooLong.Message);
            RuleFor(x => x.PopulationServed).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(CycleRules.PopulationServedRequired.Message)
                .MaximumLength(CommissioningCycle.PopulationServedMaxLength).WithMessage(CycleRules.PopulationServedTooLong.Message);
            RuleFor(x => x.CommissioningOrganisation).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(CycleRules.CommissioningOrganisationRequired.Message)
                .MaximumLength(CommissioningCycle.CommissioningOrganisationMaxLength).WithMessage(CycleRules.CommissioningOrganisationTooLong.Message);
            RuleFor(x => x.ChampionEmail).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the email address of the co-production champion you want to invite")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com")
                .When(x => x.ChampionUserId == InviteChampion);
            RuleFor(x => x.Budget).Must(BeEmptyOrPounds).WithMessage(CycleRules.BudgetInvalid.Message);
            RuleFor(x => x.StartDate).Custom((date, context) =>
            {
                if (date is null || date.IsEmpty)
                {
                    context.AddFailure(nameof(Input.StartDate), "Enter the date the cycle starts");
                }
                else if (!date.TryGetDate(out _))
                {
                    context.AddFailure(nameof(Input.StartDate), "Enter the date the cycle starts as a real date, for example 1 4 2026");
                }
            });
            RuleFor(x => Input.ParseMinimum(x.MinimumContributions))
                .InclusiveBetween(SignOffPolicy.LowestMinimum, SignOffPolicy.HighestMinimum)
                .OverridePropertyName(nameof(Input.MinimumContributions))
                .WithMessage(CycleRules.PolicyMinimumContributions.Message);
            RuleFor(x => Input.ParseMinimum(x.MinimumContributors))
                .InclusiveBetween(SignOffPolicy.LowestMinimum, SignOffPolicy.HighestMinimum)
                .OverridePropertyName(nameof(Input.MinimumContributors))
                .WithMessage(CycleRules.PolicyMinimumContributors.Message);
        }

        private static bool BeEmptyOrPounds(string? text) =>
            string.IsNullOrWhiteSpace(text)
            || Input.ParseBudget(text) is { } pounds
                && pounds >= 0 && pounds <= CommissioningCycle.BudgetMaxValue
                && decimal.Round(pounds, CommissioningCycle.BudgetScale) == pounds;
    }
}
