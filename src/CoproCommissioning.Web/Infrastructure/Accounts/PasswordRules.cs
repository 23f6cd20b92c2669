using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>The password policy in words, for the hint beside every new-password field.</summary>
public static class PasswordRules
{
    public static string Describe(PasswordOptions options)
    {
        List<string> includes = [];
        if (options.RequireUppercase)
        {
            includes.Add("a capital letter");
        }

        if (options.RequireLowercase)
        {
            includes.Add("a small letter");
        }

        if (options.RequireDigit)
        {
            includes.Add("a number");
        }

        if (options.RequireNonAlphanumeric)
        {
            includes.Add("a symbol");
        }

        var text = $"Use at least {options.RequiredLength} characters";
        if (includes.Count > 0)
        {
            text += includes.Count == 1
                ? $", including {includes[0]}"
                : $", including {string.Join(", ", includes[..^1])} and {includes[^1]}";
        }

        return text + ". Three or four random words are easy to remember and hard to guess.";
    }
}
