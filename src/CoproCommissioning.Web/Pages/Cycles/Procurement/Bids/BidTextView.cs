using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Bids;

/// <summary>What the _BidText partial shows of a bid.</summary>
public sealed record BidTextView(
    IReadOnlyList<EvaluationCriterion> Criteria, string Partners, IReadOnlyDictionary<Guid, string?> Responses, string Attachments);
