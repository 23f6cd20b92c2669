namespace CoproCommissioning.Domain.Organisations;

/// <summary>
/// NHS Organisation Data Service codes: 3 to 6 capital letters and digits (RXH for a trust, 15N for an ICB's
/// sub-location, A81001 for a GP practice). Typed in lower case they are still the same code.
/// </summary>
public static class OdsCode
{
    public const int MinLength = 3;
    public const int MaxLength = 6;

    /// <summary>The code as it is kept (trimmed, in capitals), or null when none was given.</summary>
    public static string? Normalise(string? code) =>
        TextInput.Clean(code) is { Length: > 0 } clean ? clean.ToUpperInvariant() : null;

    /// <summary>Blank (no code), or a code of the right shape.</summary>
    public static bool IsValidOrBlank(string? code) => Normalise(code) is not { } clean
        || (clean.Length is >= MinLength and <= MaxLength && clean.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')));
}
