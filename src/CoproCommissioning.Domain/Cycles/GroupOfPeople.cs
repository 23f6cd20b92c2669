namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// People without an account who took part in a decision, named as a group: "6 parents at the Harbourside workshop".
/// Most people who shape a cycle never sign in, and a decision that forgets them understates who co-produced it.
/// What people typed is checked by the cycle (it refuses beside the row), so this constructor only keeps it.
/// </summary>
public sealed class GroupOfPeople
{
    public const int DescriptionMaxLength = 200;

    private GroupOfPeople() { }

    /// <param name="count">How many people; null when what was typed was not a whole number.</param>
    /// <param name="voice">Whose voice they carry; null when not chosen.</param>
    /// <param name="description">Who they are, for example "parents at the Harbourside workshop".</param>
    /// <param name="sessionId">The co-design session they took part at, if any.</param>
    public GroupOfPeople(int? count, Voice? voice, string? description, Guid? sessionId = null)
    {
        if (voice is { } chosen)
        {
            Guard.Defined(chosen);
        }

        Count = count ?? 0;
        Voice = voice ?? default;
        HasVoice = voice is not null;
        Description = TextInput.Clean(description);
        SessionId = sessionId == Guid.Empty ? null : sessionId;
    }

    public int Count { get; private set; }

    public Voice Voice { get; private set; }

    public string Description { get; private set; } = "";

    public Guid? SessionId { get; private set; }

    /// <summary>Whether a voice was chosen: only the cycle's check reads it, before anything is kept.</summary>
    internal bool HasVoice { get; private set; } = true;

    /// <summary>Carers and people with lived experience: who a co-produced decision must include (R2).</summary>
    public bool IsLivedExperience => Contribution.CountsAsLivedExperience(Voice);
}
