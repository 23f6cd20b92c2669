using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Pages.Cycles.Members;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Your profile: the name others see (or "Panel member", R7), how to contact you, and your access needs.</summary>
public sealed class IndexModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    CoproDbContext db,
    IValidator<IndexModel.InputModel> validator,
    ILogger<IndexModel> logger) : PageModel
{
    public const string ChangedElsewhere =
        "Your profile was changed somewhere else while you were editing it. Check your answers and save again.";

    public static readonly IReadOnlyList<CommunicationPreference> PreferenceOrder = Enum.GetValues<CommunicationPreference>();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string Email { get; private set; } = "";

    public string? OrganisationName { get; private set; }

    public static string LabelOf(CommunicationPreference preference) => CommunicationPreferenceNames.Of(preference);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user, ct);
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            ShowAsPanelMember = user.ShowAsPanelMember,
            CommunicationPreferences = [.. user.CommunicationPreferences.Select(p => p.ToString())],
            AccessNeeds = user.AccessNeeds,
            Version = user.ConcurrencyStamp ?? "",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Browsers send a textarea's line breaks as two characters; the character count counts one.
        Input.AccessNeeds = (Input.AccessNeeds ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var check = await validator.ValidateAsync(Input, ct);
        if (!check.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(check, nameof(Input));
            await LoadAsync(user, ct);
            return Page();
        }

        // R8: was the account changed somewhere else since this form was opened? Tell them and keep what they typed.
        // (UpdateAsync then checks the stamp loaded here, which covers a change in between.)
        if (!string.Equals(user.ConcurrencyStamp, Input.Version, StringComparison.Ordinal))
        {
            return await ChangedElsewhereAsync(user, reload: false, ct);
        }

        user.DisplayName = Input.DisplayName.Trim();
        user.ShowAsPanelMember = Input.ShowAsPanelMember;
        user.CommunicationPreferences = [.. PreferenceOrder.Where(p => Input.CommunicationPreferences.Contains(p.ToString(), StringComparer.OrdinalIgnoreCase))];
        user.AccessNeeds = Input.AccessNeeds.Trim();

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return await ChangedElsewhereAsync(user, reload: true, ct);
            }

            ModelState.AddIdentityErrors(result, "");
            await LoadAsync(user, ct);
            return Page();
        }

        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} updated their profile", user.Id);
        StatusMessage = "Your profile has been saved";
        return RedirectToPage();
    }

    private async Task<IActionResult> ChangedElsewhereAsync(AppUser user, bool reload, CancellationToken ct)
    {
        if (reload)
        {
            await db.Entry(user).ReloadAsync(ct);
        }

        // Saving the form again now overwrites the other change on purpose.
        Input.Version = user.ConcurrencyStamp ?? "";
        ModelState.AddModelError("", ChangedElsewhere);
        await LoadAsync(user, ct);
        return Page();
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        Email = user.Email ?? "";
        OrganisationName = user.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : null;
    }

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = "";
        public bool ShowAsPanelMember { get; set; }
        public List<string> CommunicationPreferences { get; set; } = [];
        public string AccessNeeds { get; set; } = "";

        /// <summary>The account's concurrency stamp when the form was opened.</summary>
        public string Version { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.DisplayName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your name")
                .Must(name => name.Trim().Length <= AppUser.DisplayNameMaxLength)
                .WithMessage($"Your name must be {AppUser.DisplayNameMaxLength} characters or fewer");
            RuleFor(x => x.CommunicationPreferences)
                .Must(selected => selected.All(value => Enum.TryParse<CommunicationPreference>(value, ignoreCase: true, out var preference)
                    && Enum.IsDefined(preference)))
                .WithMessage("Select how you would like us to contact you from the list");
            RuleFor(x => x.AccessNeeds)
                .Must(needs => (needs ?? "").Trim().Length <= AppUser.AccessNeedsMaxLength)
                .WithMessage($"Your access needs must be {AppUser.AccessNeedsMaxLength:N0} characters or fewer");
        }
    }
}
