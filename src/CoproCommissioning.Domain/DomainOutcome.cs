namespace CoproCommissioning.Domain;

/// <summary>
/// What happened when someone asked the domain to change something: success, or every rule they still need
/// to meet (all of them, so a page can list them together).
/// </summary>
public class DomainOutcome
{
    private static readonly DomainOutcome SuccessOutcome = new([]);

    private protected DomainOutcome(IReadOnlyList<Refusal> refusals) => Refusals = refusals;

    public IReadOnlyList<Refusal> Refusals { get; }

    public bool Succeeded => Refusals.Count == 0;

    public IEnumerable<DomainRule> BrokenRules => Refusals.Select(r => r.Rule);

    public static DomainOutcome Success() => SuccessOutcome;

    public static DomainOutcome<T> Success<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new DomainOutcome<T>(value, []);
    }

    public static DomainOutcome Refused(IEnumerable<Refusal> refusals) => new(NonEmpty(refusals));

    public static DomainOutcome Refused(DomainRule rule, Guid? subjectId = null) => Refused([new Refusal(rule, subjectId)]);

    public static DomainOutcome<T> Refused<T>(IEnumerable<Refusal> refusals)
        where T : class => new(null, NonEmpty(refusals));

    private static Refusal[] NonEmpty(IEnumerable<Refusal> refusals)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        var list = refusals.ToArray();
        return list.Length > 0
            ? list
            : throw new ArgumentException("A refusal needs at least one rule that was not met.", nameof(refusals));
    }
}

/// <summary>An outcome that, on success, carries what was created (a contribution, a response, a decision).</summary>
public sealed class DomainOutcome<T> : DomainOutcome
    where T : class
{
    private readonly T? _value;

    internal DomainOutcome(T? value, IReadOnlyList<Refusal> refusals)
        : base(refusals) => _value = value;

    public T Value => _value ?? throw new InvalidOperationException("The change was refused, so there is no value. Check Succeeded first.");
}
