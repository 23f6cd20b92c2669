namespace CoproCommissioning.Domain.Membership;

/// <summary>
/// An invitation to join a cycle in a role. Only a hash of its token is kept: the link in the email is
/// the only copy of the token itself. Single use and time-limited.
/// </summary>
public sealed class Invitation
{
    public const int EmailMaxLength = 256;

    /// <summary>What an invitation holds instead of the address once the person it was for deletes their account.</summary>
    public const string RemovedAddress = "";
    public const int TokenHashLength = 64;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private Invitation() { }

    private Invitation(Guid cycleId, string email, CycleRole role, Voice? panelVoice, Guid? organisationId,
        string tokenHash, string invitedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        Email = email;
        Role = role;
        PanelVoice = panelVoice;
        OrganisationId = organisationId;
        TokenHash = tokenHash;
        InvitedByUserId = invitedByUserId;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public string Email { get; private set; } = "";
    public CycleRole Role { get; private set; }
    public Voice? PanelVoice { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string InvitedByUserId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedByUserId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>Whoever accepts it becomes the cycle's co-production champion (<see cref="CommissioningCycle.AppointChampion"/>).</summary>
    public bool NamesChampion => Role == CycleRole.CoProductionChampion;

    /// <summary>An address mail can be sent to: something before and after a single @.</summary>
    public static bool IsEmailAddress(string? email)
    {
        string clean = TextInput.Clean(email);
        int at = clean.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < clean.Length - 1 && at == clean.LastIndexOf('@');
    }

    /// <summary>What stops mail being sent to <paramref name="email"/>: nothing, when it is an address of a length we keep.</summary>
    public static IReadOnlyList<Refusal> EmailProblems(string? email)
    {
        List<Refusal> refusals = [];
        TextInput.Check(refusals, email, EmailMaxLength, MembershipRules.EmailRequired, MembershipRules.EmailTooLong);
        if (refusals.Count == 0 && !IsEmailAddress(email))
        {
            refusals.Add(new Refusal(MembershipRules.EmailInvalid));
        }

        return refusals;
    }

    /// <summary>Invites someone; <paramref name="role"/> is null when none was chosen.</summary>
    public static DomainOutcome<Invitation> Create(Guid cycleId, string? email, CycleRole? role, Voice? panelVoice,
        Guid? organisationId, string tokenHash, string invitedByUserId, DateTimeOffset now)
    {
        Guard.NotEmpty(cycleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(invitedByUserId);
        Guard.Utc(now);
        if (tokenHash.Length != TokenHashLength)
        {
            throw new ArgumentException($"Pass the token's SHA-256 hash as {TokenHashLength} hex characters.", nameof(tokenHash));
        }

        List<Refusal> refusals = [.. EmailProblems(email)];
        if (role is { } chosen)
        {
            Guard.Defined(chosen);
        }

        if (ChoiceInput.Check(refusals, role, MembershipRules.RoleRequired))
        {
            refusals.AddRange(MembershipRules.Check(role.Value, panelVoice, organisationId));
        }

        return refusals.Count > 0
            ? DomainOutcome.Refused<Invitation>(refusals)
            : DomainOutcome.Success(new Invitation(cycleId, TextInput.Clean(email), role!.Value,
                role == CycleRole.PanelMember ? panelVoice : null, organisationId, tokenHash, invitedByUserId, now));
    }

    /// <summary>Why this invitation can't be accepted now by the account with this email, if it can't.</summary>
    public IReadOnlyList<Refusal> AcceptanceBlockers(string accountEmail, DateTimeOffset now)
    {
        List<Refusal> refusals = [];
        if (AcceptedAt is not null)
        {
            refusals.Add(new Refusal(MembershipRules.InvitationUsed));
        }
        else if (RevokedAt is not null)
        {
            refusals.Add(new Refusal(MembershipRules.InvitationRevoked));
        }
        else if (now >= ExpiresAt)
        {
            refusals.Add(new Refusal(MembershipRules.InvitationExpired));
        }

        if (refusals.Count == 0 && !string.Equals(accountEmail.Trim(), Email, StringComparison.OrdinalIgnoreCase))
        {
            refusals.Add(new Refusal(MembershipRules.InvitationForAnotherAccount));
        }

        return refusals;
    }

    /// <summary>Accepts for this account and returns the membership it grants.</summary>
    public DomainOutcome<CycleMembership> Accept(string userId, string accountEmail, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Guard.Utc(now);
        var blockers = AcceptanceBlockers(accountEmail, now);
        if (blockers.Count > 0)
        {
            return DomainOutcome.Refused<CycleMembership>(blockers);
        }

        var membership = CycleMembership.Create(CycleId, userId, Role, PanelVoice, OrganisationId, InvitedByUserId, now);
        if (membership.Succeeded)
        {
            AcceptedAt = now;
            AcceptedByUserId = userId;
        }

        return membership;
    }

    public void Revoke(DateTimeOffset now)
    {
        Guard.Utc(now);
        RevokedAt ??= now;
    }

    /// <summary>
    /// The person it was for deleted their account, so their address goes. One not yet accepted is withdrawn as well:
    /// without the address nobody can show it was theirs. Who invited whom, to which role and when stays in the record.
    /// </summary>
    public void RemoveAddress(DateTimeOffset now)
    {
        Guard.Utc(now);
        if (AcceptedAt is null)
        {
            Revoke(now);
        }

        Email = RemovedAddress;
    }
}
