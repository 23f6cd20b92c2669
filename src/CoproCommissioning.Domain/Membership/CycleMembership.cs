namespace CoproCommissioning.Domain.Membership;

/// <summary>
/// A person's place in one cycle: what they may do there follows from <see cref="Role"/>.
/// Kept apart from the cycle aggregate so inviting someone never clashes with a sign-off.
/// </summary>
public sealed class CycleMembership
{
    private CycleMembership() { }

    private CycleMembership(Guid cycleId, string userId, CycleRole role, Voice? panelVoice, Guid? organisationId,
        string? addedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        UserId = userId;
        Role = role;
        PanelVoice = panelVoice;
        OrganisationId = organisationId;
        AddedByUserId = addedByUserId;
        JoinedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public string UserId { get; private set; } = "";
    public CycleRole Role { get; private set; }

    /// <summary>For panel members: whether they speak from lived experience or as a carer.</summary>
    public Voice? PanelVoice { get; private set; }

    /// <summary>For providers: the organisation they speak and bid for.</summary>
    public Guid? OrganisationId { get; private set; }

    public string? AddedByUserId { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>The voice this member's own contributions carry.</summary>
    public Voice OwnVoice => Role switch
    {
        CycleRole.PanelMember => PanelVoice ?? Voice.LivedExperience,
        CycleRole.Provider => Voice.Provider,
        CycleRole.ClinicalAdviser => Voice.Clinician,
        _ => Voice.Commissioner,
    };

    public static DomainOutcome<CycleMembership> Create(Guid cycleId, string userId, CycleRole role, Voice? panelVoice,
        Guid? organisationId, string? addedByUserId, DateTimeOffset now)
    {
        Guard.NotEmpty(cycleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Guard.Defined(role);
        Guard.Utc(now);
        var refusals = MembershipRules.Check(role, panelVoice, organisationId);
        return refusals.Count > 0
            ? DomainOutcome.Refused<CycleMembership>(refusals)
            : DomainOutcome.Success(new CycleMembership(cycleId, userId, role,
                role == CycleRole.PanelMember ? panelVoice : null,
                organisationId, addedByUserId, now));
    }
}
