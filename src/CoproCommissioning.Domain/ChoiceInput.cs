using System.Diagnostics.CodeAnalysis;

namespace CoproCommissioning.Domain;

// What people choose from a list: not choosing (or posting a value that is not on the list) is something they can
// fix, so it comes back as a refusal beside the choice, with everything else that is wrong.
internal static class ChoiceInput
{
    public static bool Check<TEnum>(ICollection<Refusal> refusals, [NotNullWhen(true)] TEnum? value, DomainRule notChosen)
        where TEnum : struct, Enum
    {
        if (value is { } chosen && Enum.IsDefined(chosen))
        {
            return true;
        }

        refusals.Add(new Refusal(notChosen));
        return false;
    }
}
