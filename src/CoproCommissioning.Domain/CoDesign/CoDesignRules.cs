namespace CoproCommissioning.Domain.CoDesign;

/// <summary>
/// Rules for co-design sessions and provider proposals. Codes are stable; messages say how to fix the
/// problem. A signed-off co-design stage refuses changes with <see cref="CycleRules.StageSignedOff"/>.
/// </summary>
public static class CoDesignRules
{
    // Sessions.
    public static readonly DomainRule SessionStaffOnly = new(
        "session-role",
        "Only a commissioner or the co-production champion can add or change a co-design session.");

    public static readonly DomainRule SessionTitleRequired = new(
        "session-title-required",
        "Enter a title for the session, for example Workshop: what good support looks like.",
        nameof(CoDesignSession.Title));

    public static readonly DomainRule SessionTitleTooLong = new(
        "session-title-too-long",
        $"Enter a title of {CoDesignSession.TitleMaxLength} characters or fewer.",
        nameof(CoDesignSession.Title));

    public static readonly DomainRule SessionDateRequired = new(
        "session-date-required",
        "Enter the date of the session, for example 10 3 2026.",
        nameof(CoDesignSession.Date));

    public static readonly DomainRule SessionStartTimeRequired = new(
        "session-start-time-required",
        "Enter the time the session starts, for example 10:30 or 2pm.",
        nameof(CoDesignSession.StartTime));

    public static readonly DomainRule SessionEndBeforeStart = new(
        "session-end-before-start",
        "Enter an end time that is after the start time, or leave it empty.",
        nameof(CoDesignSession.EndTime));

    public static readonly DomainRule SessionFormatRequired = new(
        "session-format-required",
        "Choose whether the session is in person, online or both.",
        nameof(CoDesignSession.Format));

    public static readonly DomainRule SessionVenueRequired = new(
        "session-venue-required",
        "Enter where the session takes place, for example Harbourside Community Centre, 12 Quay Street.",
        nameof(CoDesignSession.Venue));

    public static readonly DomainRule SessionVenueTooLong = new(
        "session-venue-too-long",
        $"Enter a venue of {CoDesignSession.VenueMaxLength} characters or fewer.",
        nameof(CoDesignSession.Venue));

    public static readonly DomainRule SessionJoiningDetailsTooLong = new(
        "session-joining-details-too-long",
        $"Enter how people join online in {CoDesignSession.JoiningDetailsMaxLength} characters or fewer.",
        nameof(CoDesignSession.JoiningDetails));

    public static readonly DomainRule SessionOtherArrangementsTooLong = new(
        "session-other-arrangements-too-long",
        $"Enter other access arrangements in {CoDesignSession.OtherAccessArrangementsMaxLength} characters or fewer.",
        nameof(CoDesignSession.OtherAccessArrangements));

    public static readonly DomainRule SessionOtherAttendeesInvalid = new(
        "session-other-attendees",
        $"Enter how many other people came as a number from 0 to {CoDesignSession.OtherAttendeesMaxValue}.",
        nameof(CoDesignSession.OtherAttendees));

    public static readonly DomainRule SessionMinutesTooLong = new(
        "session-minutes-too-long",
        $"Enter minutes of {CoDesignSession.MinutesMaxLength} characters or fewer.",
        nameof(CoDesignSession.Minutes));

    // Provider proposals.
    public static readonly DomainRule ProposalProviderOnly = new(
        "proposal-provider-only",
        "Only a provider can submit a proposal. Providers are invited to the cycle by a commissioner.");

    public static readonly DomainRule ProposalOtherOrganisation = new(
        "proposal-other-organisation",
        "Only people from the organisation that submitted this proposal can change it.");

    public static readonly DomainRule ProposalTitleRequired = new(
        "proposal-title-required",
        "Enter a title for your proposal.",
        nameof(ProviderProposal.Title));

    public static readonly DomainRule ProposalTitleTooLong = new(
        "proposal-title-too-long",
        $"Enter a title of {ProviderProposal.TitleMaxLength} characters or fewer.",
        nameof(ProviderProposal.Title));

    public static readonly DomainRule ProposalSummaryRequired = new(
        "proposal-summary-required",
        "Enter a short summary of your proposal.",
        nameof(ProviderProposal.Summary));

    public static readonly DomainRule ProposalSummaryTooLong = new(
        "proposal-summary-too-long",
        $"Enter a summary of {ProviderProposal.SummaryMaxLength} characters or fewer.",
        nameof(ProviderProposal.Summary));

    public static readonly DomainRule ProposalModelRequired = new(
        "proposal-model-required",
        "Describe the service model you propose: who it is for, what it offers and how people reach it.",
        nameof(ProviderProposal.ProposedModel));

    public static readonly DomainRule ProposalModelTooLong = new(
        "proposal-model-too-long",
        $"Describe the model in {ProviderProposal.ProposedModelMaxLength} characters or fewer.",
        nameof(ProviderProposal.ProposedModel));
}
