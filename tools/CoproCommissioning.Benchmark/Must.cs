using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Benchmark;

/// <summary>
/// The data set is built through the domain's own methods: a refusal means the seeder no longer fits the rules, so it
/// stops, naming them, rather than measure a half-built cycle.
/// </summary>
internal static class Must
{
    public static T Succeed<T>(DomainOutcome<T> outcome)
        where T : class
    {
        Succeed((DomainOutcome)outcome);
        return outcome.Value;
    }

    public static void Succeed(DomainOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The benchmark data broke a rule: " + string.Join(", ", outcome.Refusals.Select(r => r.Rule.Code)));
        }
    }

    public static void Succeed(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
