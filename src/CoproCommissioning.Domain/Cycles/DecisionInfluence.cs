namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// A contribution that shaped a decision, with a short note of how. The note is what people typed, so the
/// cycle checks it and refuses (rather than this constructor throwing) when it is blank or too long.
/// </summary>
public sealed class DecisionInfluence
{
    public const int NoteMaxLength = 500;

    private DecisionInfluence() { }

    public DecisionInfluence(Guid contributionId, string? note)
    {
        Guard.NotEmpty(contributionId);
        ContributionId = contributionId;
        Note = TextInput.Clean(note);
    }

    public Guid ContributionId { get; private set; }

    public string Note { get; private set; } = "";
}
