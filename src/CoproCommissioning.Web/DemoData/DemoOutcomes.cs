namespace CoproCommissioning.Web.DemoData;

/// <summary>
/// The demo data is built through the domain's own methods, so a refusal means the demo no longer fits the rules:
/// fail start-up loudly, naming the rules, rather than seed a half-built cycle.
/// </summary>
internal static class DemoOutcomes
{
    public static T Must<T>(DomainOutcome<T> outcome)
        where T : class
    {
        Must((DomainOutcome)outcome);
        return outcome.Value;
    }

    public static void Must(DomainOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Demo data broke a rule: " + string.Join(", ", outcome.Refusals.Select(r => r.Rule.Code)));
        }
    }
}
