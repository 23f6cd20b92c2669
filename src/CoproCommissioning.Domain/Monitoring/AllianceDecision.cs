namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Something the alliance leadership team is asked to agree. It is carried only when every member agrees; until then
/// any member can change their vote (<see cref="AllianceLeadershipTeam.StatusOf"/> says who is missing or disagrees).
/// </summary>
public sealed class AllianceDecision
{
    public const int TitleMaxLength = 200;
    public const int ProposalMaxLength = 4000;

    private readonly List<AllianceVote> _votes = [];

    private AllianceDecision() { }

    internal AllianceDecision(string title, string proposal, string proposedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Title = title;
        Proposal = proposal;
        ProposedByUserId = proposedByUserId;
        ProposedAt = now;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Proposal { get; private set; } = "";

    public string ProposedByUserId { get; private set; } = "";

    public DateTimeOffset ProposedAt { get; private set; }

    /// <summary>When the last member's agreement made it unanimous; null while it is not carried.</summary>
    public DateTimeOffset? CarriedAt { get; private set; }

    public bool IsCarried => CarriedAt is not null;

    public IReadOnlyList<AllianceVote> Votes => _votes;

    public AllianceVote? VoteOf(Guid memberId) => _votes.SingleOrDefault(v => v.MemberId == memberId);

    internal void Record(Guid memberId, bool agrees, string? reason, string userId, DateTimeOffset now)
    {
        if (VoteOf(memberId) is { } vote)
        {
            vote.Change(agrees, reason, userId, now);
        }
        else
        {
            _votes.Add(new AllianceVote(memberId, agrees, reason, userId, now));
        }
    }

    internal void Carry(DateTimeOffset now) => CarriedAt = now;
}
