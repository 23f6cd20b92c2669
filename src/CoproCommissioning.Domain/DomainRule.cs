namespace CoproCommissioning.Domain;

/// <summary>
/// A rule the domain keeps: a stable code for code and tests, a plain-English message for people, and the input it
/// concerns (<see cref="Field"/>, the name of the property it checks, e.g. nameof(EvidenceItem.Source)), so a page
/// shows the message beside that field without a map of its own. Rules about the whole change have no field.
/// </summary>
public sealed record DomainRule(string Code, string Message, string? Field = null)
{
    // A rule is its code: some messages carry a number from the cycle's policy or a stage's name,
    // and the rule they state is still the same rule.
    public bool Equals(DomainRule? other) => other is not null && Code == other.Code;

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
}
