using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// The parts of the password policy Identity's options can't express: at most
/// <see cref="PasswordRules.MaximumLength"/> characters (ASVS 2.1.2) and not a common password (ASVS 2.1.7).
/// Identity runs it wherever a password is set: creating an account, changing or resetting a password.
/// </summary>
public sealed class PasswordPolicyValidator(CommonPasswords common, PlainEnglishIdentityErrors errors) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own validator reports the length.
            return Task.FromResult(IdentityResult.Success);
        }

        List<IdentityError> problems = [];
        if (password.Length > PasswordRules.MaximumLength)
        {
            problems.Add(errors.PasswordTooLong(PasswordRules.MaximumLength));
        }

        if (common.Contains(password))
        {
            problems.Add(errors.PasswordTooCommon());
        }

        return Task.FromResult(problems.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. problems]));
    }
}
