namespace CoproCommissioning.Domain.Procurement;

// Bids: who writes them, and the deadline that seals them.
public static partial class ProcurementRules
{
    public static readonly DomainRule ProvidersOnlyBid = new(
        "proc-providers-only-bid",
        "Only providers in this cycle can write a bid.");

    public static readonly DomainRule BidderNeedsOrganisation = new(
        "proc-bidder-needs-organisation",
        "Your membership of this cycle names no organisation, so you cannot bid. Ask the commissioner to invite you for your organisation.");

    public static readonly DomainRule BiddingNotOpen = new(
        "proc-bidding-not-open",
        "Bidding has not opened yet. The commissioner opens it with a deadline.");

    public static readonly DomainRule LateBid = new(
        "proc-late-bid",
        "The deadline for bids has passed, so bids can no longer be written, submitted or withdrawn.");

    public static readonly DomainRule OrganisationHasBid = new(
        "proc-organisation-has-bid",
        "Your organisation has already started a bid. Carry on with that one.");

    public static readonly DomainRule NotYourBid = new(
        "proc-not-your-bid",
        "This bid belongs to another organisation.");

    public static readonly DomainRule ResponseRequired = new(
        "proc-response-required",
        "Answer this criterion before you submit the bid.",
        "Responses");

    public static readonly DomainRule ResponseTooLong = new(
        "proc-response-too-long",
        $"Answer each criterion in {BidResponse.TextMaxLength} characters or fewer.",
        "Responses");

    public static readonly DomainRule PartnersTooLong = new(
        "proc-partners-too-long",
        $"List the partners in {Bid.PartnersMaxLength} characters or fewer.",
        nameof(BidDraft.Partners));

    public static readonly DomainRule AttachmentsTooLong = new(
        "proc-attachments-too-long",
        $"Keep the attachments to {Bid.AttachmentsMaxLength} characters or fewer.",
        nameof(BidDraft.Attachments));

    public static readonly DomainRule BidAlreadySubmitted = new(
        "proc-bid-already-submitted",
        "This bid has already been submitted. Change it and submit it again if you need to.");

    public static readonly DomainRule BidAlreadyWithdrawn = new(
        "proc-bid-already-withdrawn",
        "This bid has already been withdrawn.");
}
