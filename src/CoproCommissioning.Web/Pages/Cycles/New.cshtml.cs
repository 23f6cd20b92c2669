using System.Globalization;
using CoproCommissioning.Data;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>
/// A commissioner starts a cycle. They become its first commissioner; the co-production champion, if chosen
/// now, joins in the same save. Everyone else is invited from the members page.
/// </summary>
[Authorize(Roles = SiteRoles.Commissioner)]
public sealed class NewModel(CoproDbContext db, IValidator<NewModel.Input> validator, TimeProvider clock, ILogger<NewModel> logger)
    : PageModel
{
    public const string NoChampionYet = "";

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

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadPeopleAsync(ct);
        var me = User.UserId();
        var organisation = await db.Users.Where(u => u.Id == me)
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => o.Name)
            .SingleOrDefaultAsync(ct);
        Form = new Input { CommissioningOrganisation = organisation ?? "" };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadPeopleAsync(ct);
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        var championId = string.IsNullOrEmpty(Form.ChampionUserId) ? null : Form.ChampionUserId;
        if (championId is not null && People.All(p => p.UserId != championId))
        {
            ModelState.AddModelError("Form.ChampionUserId", "Choose a co-production champion from the list, or choose to invite one later");
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

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Cycle {CycleId} created by {UserId}", cycle.Id, me);
        TempData.SetSuccess("Cycle created. Next, invite the people who will take part: panel members, carers, providers and clinical advisers.");
        return RedirectToPage("/Cycles/Details", new { cycleId = cycle.Id });
    }

    private static CycleMembership Must(Domain.DomainOutcome<CycleMembership> outcome) =>
        outcome.Succeeded
            ? outcome.Value
            : throw new InvalidOperationException($"A commissioner or champion membership was refused: {outcome.Refusals[0].Rule.Code}");

    // Anyone with an account can be the champion, except the creator: a person has one role per cycle.
    private async Task LoadPeopleAsync(CancellationToken ct)
    {
        var me = User.UserId();
        People = await db.Users.AsNoTracking()
            .Where(u => u.Id != me && u.DeletedAt == null && u.FormerParticipantNumber == null)
            .OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(ct);
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

        public string? ChampionUserId { get; init; }

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
