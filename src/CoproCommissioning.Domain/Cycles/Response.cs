namespace CoproCommissioning.Domain.Cycles;

/// <summary>"You said, we did": the answer to a contribution. A revision adds a new response; earlier ones stay.</summary>
public sealed class Response
{
    public const int ExplanationMaxLength = 2000;

    private Response() { }

    internal Response(int revision, ResponseType type, string explanation, string respondedByUserId, DateTimeOffset respondedAt)
    {
        Id = Guid.CreateVersion7();
        Revision = revision;
        Type = type;
        Explanation = explanation;
        RespondedByUserId = respondedByUserId;
        RespondedAt = respondedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the first answer, then 2, 3...; the highest is the current one, whatever order rows load in.</summary>
    public int Revision { get; private set; }

    public ResponseType Type { get; private set; }

    public string Explanation { get; private set; } = "";

    public string RespondedByUserId { get; private set; } = "";

    public DateTimeOffset RespondedAt { get; private set; }
}
