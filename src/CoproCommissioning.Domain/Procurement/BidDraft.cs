namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// What a provider writes in a bid: its partners in a consortium or alliance (one per line, or none when it bids alone),
/// its answer to each criterion, and its attachments as text.
/// </summary>
public sealed record BidDraft(string? Partners, IReadOnlyDictionary<Guid, string?> Responses, string? Attachments);
