using FluentValidation;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>The 6-digit code an authenticator app shows, however people type it ("123 456", "123-456").</summary>
public static class AuthenticatorCode
{
    public const string WrongCode = "The code is not right: enter the code your authenticator app shows now";

    public static string Normalise(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    public static IRuleBuilderOptions<T, string> MustBeAnAuthenticatorCode<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app")
            .Must(code => Normalise(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
            .WithMessage("Enter the code as 6 digits, like 123456");
}
