using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using CoproCommissioning.Web.Pages.Cycles.Members;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Pages.Invitations;

/// <summary>The page an emailed invitation links to: join the cycle with a new account or the one you're signed in to.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.AcceptInvitation)]
public sealed class AcceptModel(CoproDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    IValidator<AcceptModel.Input> validator, IOptions<IdentityOptions> identity, TimeProvider clock, ILogger<AcceptModel> logger) : PageModel
{
    public const string ChangedWhileJoining = "Someone changed this cycle at the moment you joined, so you have not joined yet. Try again.";

    [BindProperty] public Input Form { get; set; } = new();

    public string PasswordHint { get; } = PasswordRules.Describe(identity.Value.Password);

    public PageState State { get; private set; }
    public string CycleTitle { get; private set; } = "";
    public string RoleName { get; private set; } = "";

    /// <summary>Only panel members may appear to others as "Panel member" (R7), so only their invitation mentions it.</summary>
    public bool IsPanelMember { get; private set; }

    public CycleRole Role { get; private set; }
    public string InvitedEmail { get; private set; } = "";
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var invitation = await FindAsync(token, ct);
        if (invitation is null)
        {
            State = PageState.NotValid;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        await DescribeAsync(invitation, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var invitation = await FindAsync(token, ct);
        if (invitation is null)
        {
            return NotFound();
        }

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        return await AcceptAsync(invitation, user, ct);
    }

    public async Task<IActionResult> OnPostCreateAccountAsync(string token, CancellationToken ct)
    {
        var invitation = await FindAsync(token, ct);
        if (invitation is null)
        {
            return NotFound();
        }

        if (User.Identity?.IsAuthenticated == true || await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return RedirectToPage(new { token });
        }

        var check = await validator.ValidateAsync(Form, ct);
        foreach (var error in check.Errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.PropertyName}", error.ErrorMessage);
        }

        var blockers = invitation.AcceptanceBlockers(invitation.Email, clock.GetUtcNow());
        if (!check.IsValid || blockers.Count > 0)
        {
            await DescribeAsync(invitation, ct);
            return Page();
        }

        // They proved they read this address's mail by following the link.
        var user = new AppUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = Form.DisplayName.Trim(),
        };
        var created = await users.CreateAsync(user, Form.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Password)}", error.Description);
            }

            await DescribeAsync(invitation, ct);
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return await AcceptAsync(invitation, user, ct);
    }

    private async Task<IActionResult> AcceptAsync(Invitation invitation, AppUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await db.Memberships.AnyAsync(m => m.CycleId == invitation.CycleId && m.UserId == user.Id, ct))
        {
            Problems = [MembershipRules.AlreadyMember.Message];
            await DescribeAsync(invitation, ct);
            return Page();
        }

        var outcome = invitation.Accept(user.Id, user.Email ?? "", now);
        if (!outcome.Succeeded)
        {
            await DescribeAsync(invitation, ct);
            Problems = [.. outcome.Refusals.Select(r => r.Rule.Message)];
            return Page();
        }

        db.Memberships.Add(outcome.Value);
        if (invitation.NamesChampion)
        {
            (await db.Cycles.SingleAsync(c => c.Id == invitation.CycleId, ct)).AppointChampion(invitation, now);
        }

        var saved = await db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            // Nothing was saved: the invitation is still there to accept.
            await DescribeAsync(invitation, ct);
            Problems = [saved.Refusal?.Rule.Message ?? ChangedWhileJoining];
            return Page();
        }

        logger.LogInformation("Invitation {InvitationId} accepted; user {UserId} joined cycle {CycleId}", invitation.Id, user.Id, invitation.CycleId);
        // A welcome that says what this role can do first, on the cycle's page, where the success banner takes focus.
        var joined = await db.Cycles.AsNoTracking().Where(c => c.Id == invitation.CycleId).Select(c => c.Title).SingleAsync(ct);
        TempData.SetSuccess($"Welcome. You've joined {joined} as a {Labels.Of(invitation.Role, invitation.PanelVoice).ToLowerInvariant()}. {InvitationEmail.FirstStep(invitation.Role)}");
        return Redirect($"/cycles/{invitation.CycleId}");
    }

    private Task<Invitation?> FindAsync(string token, CancellationToken ct)
    {
        var hash = InvitationTokens.Hash(token);
        return db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    private async Task DescribeAsync(Invitation invitation, CancellationToken ct)
    {
        CycleTitle = await db.Cycles.Where(c => c.Id == invitation.CycleId).Select(c => c.Title).SingleAsync(ct);
        RoleName = Labels.Of(invitation.Role, invitation.PanelVoice);
        IsPanelMember = invitation.Role == CycleRole.PanelMember;
        Role = invitation.Role;
        InvitedEmail = invitation.Email;
        var now = clock.GetUtcNow();

        if (User.Identity?.IsAuthenticated == true)
        {
            var email = (await users.GetUserAsync(User))?.Email ?? "";
            Problems = [.. invitation.AcceptanceBlockers(email, now).Select(r => r.Rule.Message)];
            State = PageState.SignedIn;
            return;
        }

        Problems = [.. invitation.AcceptanceBlockers(invitation.Email, now).Select(r => r.Rule.Message)];
        State = await users.FindByEmailAsync(invitation.Email) is null ? PageState.NewAccount : PageState.SignInFirst;
    }

    public enum PageState
    {
        NotValid,
        SignedIn,
        SignInFirst,
        NewAccount,
    }

    public sealed record Input
    {
        public string DisplayName { get; init; } = "";
        public string Password { get; init; } = "";
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter your name")
                .MaximumLength(AppUser.DisplayNameMaxLength).WithMessage($"Your name must be {AppUser.DisplayNameMaxLength} characters or fewer");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a password")
                .MinimumLength(PasswordRules.MinimumLength).WithMessage($"Your password must be at least {PasswordRules.MinimumLength} characters long");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("The passwords do not match: type the same password twice");
        }
    }
}
