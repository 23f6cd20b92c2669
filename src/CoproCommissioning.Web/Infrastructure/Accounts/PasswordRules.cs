using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// The password policy (OWASP ASVS 4 level 2, decision 0009) and its words for the hint beside every
/// new-password field. <see cref="PasswordPolicyValidator"/> checks what Identity's options can't.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    /// <summary>Long enough for any passphrase; a limit keeps hashing cheap (ASVS 2.1.2).</summary>
    public const int MaximumLength = 128;

    /// <summary>
    /// Length only. Rules about capitals, numbers and symbols make passwords harder to remember, not harder
    /// to guess, so ASVS 2.1.9 asks for none; the common-password check does their job better.
    /// </summary>
    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
    }

    public static string Describe(PasswordOptions options) =>
        $"Use at least {options.RequiredLength} characters, and no more than {MaximumLength}. "
        + "Three or four random words are easy to remember and hard to guess.";
}
