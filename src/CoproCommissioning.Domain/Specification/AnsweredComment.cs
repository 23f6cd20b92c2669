namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// A comment that a change in a version answers, and how: <see cref="ResponseType.Adopted"/> or
/// <see cref="ResponseType.Adapted"/>. The cycle records the matching response ("you said, we did"), explained by
/// <see cref="Note"/> when the commissioner wrote one for this person, otherwise by the version's summary.
/// </summary>
public sealed class AnsweredComment
{
    public const int NoteMaxLength = 1000;

    private AnsweredComment() { }

    public AnsweredComment(Guid contributionId, ResponseType type, string? note = null)
    {
        Guard.NotEmpty(contributionId);
        if (type is not (ResponseType.Adopted or ResponseType.Adapted))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "A change answers a comment by adopting or adapting it.");
        }

        ContributionId = contributionId;
        Type = type;
        Note = TextInput.Clean(note);
    }

    public Guid ContributionId { get; private set; }

    public ResponseType Type { get; private set; }

    /// <summary>What the commissioner told this person about the change; empty when the version's summary says it.</summary>
    public string Note { get; private set; } = "";
}
