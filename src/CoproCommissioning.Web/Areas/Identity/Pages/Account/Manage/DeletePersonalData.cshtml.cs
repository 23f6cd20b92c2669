using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Deletes the account by pseudonymising it (<see cref="AccountPseudonymiser"/>): decisions keep who shaped them,
/// shown as "Former participant #N". The person confirms with their password every time, however recently they
/// signed in (it cannot be undone), checked as on "Confirm it's you" (<see cref="RecentSignIn"/>).
/// </summary>
public sealed class DeletePersonalDataModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    RecentSignIn recentSignIn,
    AccountPseudonymiser pseudonymiser,
    IValidator<DeletePersonalDataModel.InputModel> validator,
    ILogger<DeletePersonalDataModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var check = await validator.ValidateAsync(Input, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Input));
            return Page();
        }

        if (await recentSignIn.RefuseWrongPasswordAsync(this, user, Input.Password, "Input.Password") is { } refused)
        {
            return refused;
        }

        var number = await pseudonymiser.PseudonymiseAsync(user.Id, ct);
        await signInManager.SignOutAsync();
        logger.LogInformation("User {UserId} deleted their account", user.Id);
        TempData["FormerParticipantNumber"] = number;
        return RedirectToPage("/Account/Deleted");
    }

    public sealed class InputModel
    {
        public string Password { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() => RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password to delete your account");
    }
}
