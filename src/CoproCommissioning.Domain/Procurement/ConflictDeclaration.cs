namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// What an evaluator declares before anyone sees a bid: no interest, or an interest and what was agreed about it. A
/// commissioner accepts it; until then the evaluator reads no bid (checked on the server, whatever the page shows).
/// </summary>
public sealed record DeclarationDraft(
    bool? HasInterest, string? Interest, ConflictAction? Action, IReadOnlyList<Guid>? RestrictedOrganisationIds = null);
