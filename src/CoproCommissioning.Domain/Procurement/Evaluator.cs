namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// A member of the evaluation panel: who they are, what they bring, the criteria they score, their briefing (a
/// lived-experience evaluator scores only once briefed) and their declaration of interests.
/// </summary>
public sealed class Evaluator
{
    public const int BriefedByMaxLength = 200;
    public const int InterestMaxLength = 1000;

    private List<Guid> _criterionIds = [];
    private List<Guid> _restrictedOrganisationIds = [];

    private Evaluator() { }

    internal Evaluator(string userId, EvaluatorRole role, IEnumerable<Guid> criterionIds, string addedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Role = role;
        _criterionIds = [.. criterionIds.Distinct()];
        AddedByUserId = addedByUserId;
        AddedAt = now;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public EvaluatorRole Role { get; private set; }

    public IReadOnlyList<Guid> CriterionIds => _criterionIds;

    public string AddedByUserId { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The day the evaluator training was completed; null until it is recorded.</summary>
    public DateOnly? BriefedOn { get; private set; }

    /// <summary>Who gave the training, as the commissioner wrote it.</summary>
    public string? BriefedBy { get; private set; }

    public DateTimeOffset? DeclaredAt { get; private set; }

    public bool? HasInterest { get; private set; }

    public string? Interest { get; private set; }

    public ConflictAction? Action { get; private set; }

    /// <summary>Organisations whose bids this evaluator never reads, when the agreed action restricts them.</summary>
    public IReadOnlyList<Guid> RestrictedOrganisationIds => _restrictedOrganisationIds;

    public string? DeclarationAcceptedByUserId { get; private set; }

    public DateTimeOffset? DeclarationAcceptedAt { get; private set; }

    public bool IsBriefed => BriefedOn is not null;

    public bool HasDeclared => DeclaredAt is not null;

    public bool IsDeclarationAccepted => DeclarationAcceptedAt is not null;

    public bool HasSteppedDown => Action == ConflictAction.StepDown;

    /// <summary>Whether this evaluator may read the bid of <paramref name="organisationId"/> (the deadline aside).</summary>
    public bool MayRead(Guid organisationId) =>
        IsDeclarationAccepted && !HasSteppedDown && !_restrictedOrganisationIds.Contains(organisationId);

    internal void Assign(IEnumerable<Guid> criterionIds) => _criterionIds = [.. criterionIds.Distinct()];

    internal void RecordBriefing(DateOnly on, string by)
    {
        BriefedOn = on;
        BriefedBy = by;
    }

    internal void Declare(DeclarationDraft draft, DateTimeOffset now)
    {
        DeclaredAt = now;
        HasInterest = draft.HasInterest!.Value;
        Interest = HasInterest == true ? TextInput.Clean(draft.Interest) : null;
        Action = HasInterest == true ? draft.Action : null;
        _restrictedOrganisationIds = Action == ConflictAction.RestrictBids ? [.. (draft.RestrictedOrganisationIds ?? []).Distinct()] : [];
        DeclarationAcceptedByUserId = null;
        DeclarationAcceptedAt = null;
    }

    internal void AcceptDeclaration(string byUserId, DateTimeOffset now)
    {
        DeclarationAcceptedByUserId = byUserId;
        DeclarationAcceptedAt = now;
    }
}
