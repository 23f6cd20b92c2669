namespace CoproCommissioning.Domain;

/// <summary>A rule the domain keeps: a stable code for code and tests, a plain-English message for people.</summary>
public sealed record DomainRule(string Code, string Message)
{
    // A rule is its code: some messages carry a number from the cycle's policy or a stage's name,
    // and the rule they state is still the same rule.
    public bool Equals(DomainRule? other) => other is not null && Code == other.Code;

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
}
