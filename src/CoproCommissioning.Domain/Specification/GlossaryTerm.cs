using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// A word or phrase in the cycle's glossary and what it means in plain words (NCCMH: agree terminology at the
/// start). Anyone taking part can suggest a term; a commissioner records it as agreed, and agreed terms are
/// marked in the specification with their meaning. A commissioner can remove a term (<see cref="Remove"/>); saving
/// then deletes it.
/// </summary>
public sealed class GlossaryTerm : IRemovable
{
    public const int TermMaxLength = 100;
    public const int MeaningMaxLength = 1000;

    private GlossaryTerm() { }

    private GlossaryTerm(Guid cycleId, string term, string meaning, string proposedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        Term = term;
        Meaning = meaning;
        Status = GlossaryTermStatus.Proposed;
        ProposedByUserId = proposedByUserId;
        ProposedAt = now;
        LastChangedByUserId = proposedByUserId;
        LastChangedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public string Term { get; private set; } = "";

    public string Meaning { get; private set; } = "";

    public GlossaryTermStatus Status { get; private set; }

    public string ProposedByUserId { get; private set; } = "";

    public DateTimeOffset ProposedAt { get; private set; }

    public string? AgreedByUserId { get; private set; }

    public DateTimeOffset? AgreedAt { get; private set; }

    public string LastChangedByUserId { get; private set; } = "";

    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public bool IsAgreed => Status == GlossaryTermStatus.Agreed;

    /// <summary>A commissioner removed it; saving deletes it.</summary>
    public bool IsRemoved { get; private set; }

    /// <summary>
    /// Adds a term. A commissioner's term is agreed at once; anyone else's is a suggestion until a commissioner agrees it.
    /// <paramref name="otherTerms"/> are the terms the cycle's glossary already has.
    /// </summary>
    public static DomainOutcome<GlossaryTerm> Add(
        CommissioningCycle cycle, IEnumerable<string> otherTerms, string? term, string? meaning, string userId, CycleRole role, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(otherTerms);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Guard.Defined(role);
        Guard.Utc(now);

        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(role, CycleOperation.Contribute))
        {
            refusals.Add(new Refusal(SpecificationRules.GlossaryRole));
        }

        Check(refusals, cycle, otherTerms, term, meaning);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<GlossaryTerm>(refusals);
        }

        var added = new GlossaryTerm(cycle.Id, TextInput.Clean(term), TextInput.Clean(meaning), userId, now);
        if (CyclePermissions.Allows(role, CycleOperation.ManageCycle))
        {
            added.MarkAgreed(userId, now);
        }

        return DomainOutcome.Success(added);
    }

    /// <summary>A commissioner changes the wording and records the term as agreed.</summary>
    public DomainOutcome Agree(
        CommissioningCycle cycle, IEnumerable<string> otherTerms, string? term, string? meaning, string userId, CycleRole role, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(otherTerms);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Guard.Defined(role);
        Guard.Utc(now);
        StageContent.CheckCycle(cycle, CycleId);

        var refusals = RemovalBlockers(cycle, role).ToList();
        Check(refusals, cycle, otherTerms, term, meaning, checkStage: false);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Term = TextInput.Clean(term);
        Meaning = TextInput.Clean(meaning);
        MarkAgreed(userId, now);
        return DomainOutcome.Success();
    }

    /// <summary>Why this term cannot be changed or removed by someone in <paramref name="role"/>, if it cannot.</summary>
    public IReadOnlyList<Refusal> RemovalBlockers(CommissioningCycle cycle, CycleRole role)
    {
        StageContent.CheckCycle(cycle, CycleId);
        Guard.Defined(role);
        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(role, CycleOperation.ManageCycle))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        if (ServiceSpecification.IsFrozen(cycle))
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }

        return refusals;
    }

    /// <summary>A commissioner removes the term from the glossary, while the specification stage is open.</summary>
    public DomainOutcome Remove(CommissioningCycle cycle, CycleRole role)
    {
        var refusals = RemovalBlockers(cycle, role);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        IsRemoved = true;
        return DomainOutcome.Success();
    }

    private void MarkAgreed(string userId, DateTimeOffset now)
    {
        Status = GlossaryTermStatus.Agreed;
        AgreedByUserId = userId;
        AgreedAt = now;
        LastChangedByUserId = userId;
        LastChangedAt = now;
    }

    private static void Check(
        List<Refusal> refusals, CommissioningCycle cycle, IEnumerable<string> otherTerms, string? term, string? meaning, bool checkStage = true)
    {
        if (checkStage && ServiceSpecification.IsFrozen(cycle))
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }

        TextInput.Check(refusals, term, TermMaxLength, SpecificationRules.TermRequired, SpecificationRules.TermTooLong);
        TextInput.Check(refusals, meaning, MeaningMaxLength, SpecificationRules.MeaningRequired, SpecificationRules.MeaningTooLong);
        string clean = TextInput.Clean(term);
        if (clean.Length > 0 && otherTerms.Any(t => string.Equals(t.Trim(), clean, StringComparison.OrdinalIgnoreCase)))
        {
            refusals.Add(new Refusal(SpecificationRules.TermDuplicate));
        }
    }
}
