using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Identity's messages in the NHS service manual's style: plain English that says how to fix the problem.
/// Messages about other accounts never say whether an email address is registered.
/// </summary>
public sealed class PlainEnglishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        With(base.PasswordTooShort(length), $"Your password must be at least {length} characters");

    public override IdentityError PasswordRequiresDigit() =>
        With(base.PasswordRequiresDigit(), "Your password must include a number (0 to 9)");

    public override IdentityError PasswordRequiresLower() =>
        With(base.PasswordRequiresLower(), "Your password must include a small letter (a to z)");

    public override IdentityError PasswordRequiresUpper() =>
        With(base.PasswordRequiresUpper(), "Your password must include a capital letter (A to Z)");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        With(base.PasswordRequiresNonAlphanumeric(), "Your password must include a symbol, like ! or ?");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        With(base.PasswordRequiresUniqueChars(uniqueChars), $"Your password must use at least {uniqueChars} different characters");

    public IdentityError PasswordTooLong(int maximum) =>
        new() { Code = "PasswordTooLong", Description = $"Enter a password of {maximum} characters or fewer" };

    public IdentityError PasswordTooCommon() =>
        new()
        {
            Code = "PasswordTooCommon",
            Description = "This password is too common: it is on a list of passwords people often use. Choose something harder to guess",
        };

    public override IdentityError PasswordMismatch() =>
        With(base.PasswordMismatch(), "The password is not right: check it and enter it again");

    public override IdentityError InvalidToken() =>
        With(base.InvalidToken(), "This link has expired or has already been used: ask for a new one");

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        With(base.RecoveryCodeRedemptionFailed(), "The recovery code is not right: check it, or use a different code");

    public override IdentityError ConcurrencyFailure() =>
        With(base.ConcurrencyFailure(), "Your account was changed somewhere else while you were editing: check the details and save again");

    public override IdentityError DuplicateEmail(string email) =>
        With(base.DuplicateEmail(email), "You cannot use this email address: use a different one");

    public override IdentityError DuplicateUserName(string userName) =>
        With(base.DuplicateUserName(userName), "You cannot use this email address: use a different one");

    public override IdentityError InvalidEmail(string? email) =>
        With(base.InvalidEmail(email), "Enter an email address in the correct format, like name@example.com");

    private static IdentityError With(IdentityError error, string description) =>
        new() { Code = error.Code, Description = description };
}
