using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// A comment that a change in a version answers, and how: <see cref="ResponseType.Adopted"/> or
/// <see cref="ResponseType.Adapted"/>. The cycle records the matching response ("you said, we did").
/// </summary>
public sealed class AnsweredComment
{
    private AnsweredComment() { }

    public AnsweredComment(Guid contributionId, ResponseType type)
    {
        Guard.NotEmpty(contributionId);
        if (type is not (ResponseType.Adopted or ResponseType.Adapted))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "A change answers a comment by adopting or adapting it.");
        }

        ContributionId = contributionId;
        Type = type;
    }

    public Guid ContributionId { get; private set; }

    public ResponseType Type { get; private set; }
}
