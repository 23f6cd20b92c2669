namespace CoproCommissioning.Domain.Testing;

/// <summary>For arranging tests: a step that should work fails loudly, naming the rules that refused it.</summary>
public static class Expect
{
    public static T Success<T>(DomainOutcome<T> outcome)
        where T : class
    {
        Success((DomainOutcome)outcome);
        return outcome.Value;
    }

    public static void Success(DomainOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(
                "Arranging the test was refused: " + string.Join(", ", outcome.Refusals.Select(r => r.Rule.Code)));
        }
    }
}
