namespace CoproCommissioning.Domain;

// What people type: blank or too long is something they can fix, so it comes back as a refusal.
internal static class TextInput
{
    public static string Clean(string? value) => value?.Trim() ?? "";

    public static void Check(
        ICollection<Refusal> refusals, string? value, int maxLength, DomainRule? required, DomainRule tooLong, Guid? subjectId = null)
    {
        string clean = Clean(value);
        if (clean.Length == 0)
        {
            if (required is not null)
            {
                refusals.Add(new Refusal(required, subjectId));
            }
        }
        else if (clean.Length > maxLength)
        {
            refusals.Add(new Refusal(tooLong, subjectId));
        }
    }
}
