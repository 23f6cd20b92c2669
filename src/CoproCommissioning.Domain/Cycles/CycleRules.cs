using System.Globalization;

namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// Every rule a cycle keeps, by name. Codes are stable (pages, tests and logs rely on them); messages say
/// how to fix the problem. Rules whose wording depends on the cycle have a <c>...For</c> factory that
/// keeps the same code, and <see cref="DomainRule"/> equality compares codes. A rule a person fixes by changing one answer
/// names it (<see cref="DomainRule.Field"/>), so a page shows the message beside that answer. docs/domain.md lists them all.
/// </summary>
public static class CycleRules
{
    // Answers with no property of the same name: the day a decision was made (kept as the moment DecidedAt), the note on
    // each cited contribution (one per contribution: Notes[id]), the texts of a sign-off and a reopening (StageEvent.Text),
    // and a cycle's champion, whom a form names by their membership, never by their account id.
    private const string DecidedOn = "DecidedOn";
    private const string Notes = "Notes";
    private const string Statement = "Statement";
    private const string Reason = "Reason";
    private const string Champion = "Champion";

    // R1: lived-experience input is logged before sign-off.
    public static readonly DomainRule LivedExperienceInputRequired = LivedExperienceInputRequiredFor(1);
    public static readonly DomainRule DistinctContributorsRequired = DistinctContributorsRequiredFor(1);

    // R1: one person can't co-produce alone. Subject: the stage.
    public static readonly DomainRule InputNotOnlyFromSigner = new(
        "R1.not-only-signer",
        "At least one piece of lived-experience input must come from a panel member themselves or be logged by someone other than you. One person can't co-produce alone.");

    // R2: every decision records who shaped it. Subject: the decision.
    public static readonly DomainRule DecisionNeedsParticipants = new(
        "R2.decision-participants",
        "Record who took part in this decision.",
        nameof(Decision.Participants));

    public static readonly DomainRule CoProducedDecisionNeedsLivedExperience = new(
        "R2.co-produced-citation",
        "Link this co-produced decision to at least 1 contribution from a person with lived experience or a carer that shaped it, or change its mode.",
        nameof(Decision.Influences));

    public static readonly DomainRule DecisionNeedsRationale = new(
        "R2.mode-rationale",
        "Explain why this decision was not co-produced.",
        nameof(Decision.Rationale));

    // R3: no silent input. Subject: the contribution.
    public static readonly DomainRule InputAwaitingResponse = new(
        "R3.unanswered-input",
        "Respond to this contribution from a person with lived experience or a carer: say if it was adopted, adapted or not adopted, and why.");

    // R4: stages are signed off in order; reopening keeps history.
    public static readonly DomainRule EarlierStageOpen = EarlierStageOpenFor(null);

    public static readonly DomainRule StageNotOpen = new(
        "R4.stage-not-open",
        "This stage has not started yet. It opens when the stage before it is signed off.");

    public static readonly DomainRule StageNotSignedOff = new(
        "R4.stage-not-signed-off",
        "You can only reopen a stage that is signed off.");

    public static readonly DomainRule LaterStageSignedOff = LaterStageSignedOffFor(null);

    public static readonly DomainRule StageSignedOff = new(
        "stage-signed-off",
        "This stage is signed off. Reopen it, giving a reason, before you change anything in it.");

    // R8: a save into a stage raced its sign-off and lost.
    public static readonly DomainRule StageSignedOffWhileEditing = new(
        "stage-signed-off-while-editing",
        "This stage was signed off while you were editing, so your changes were not saved. Reopen the stage to change it.");

    public static readonly DomainRule ChampionRequired = new(
        "champion-required",
        "Name a co-production champion for this cycle before you sign off a stage.");

    // R5 and the roles that keep R1 and R3 honest (CyclePermissions says which roles).
    public static readonly DomainRule CommissionerOnly = new(
        "R5.commissioner-only",
        "Only a commissioner of this cycle can do this. Ask a commissioner to do it.");

    public static readonly DomainRule LivedExperienceVoiceNeedsPanelMember = new(
        "contribution-voice-role",
        "Only panel members can add input in a lived-experience or carer voice. To pass on someone else's views, ask the co-production champion to log them on their behalf.");

    public static readonly DomainRule LivedExperienceVoiceOnBehalfOfStaff = new(
        "contribution-on-behalf-voice-role",
        "Input in a lived-experience or carer voice can only be logged for a panel member or for people without an account. Choose another voice, or whose input it is.",
        nameof(Contribution.Voice));

    public static readonly DomainRule GatheredOnRequired = new(
        "contribution-gathered-on-required",
        "Enter the date the input was gathered, for example 27 3 2026.",
        nameof(Contribution.GatheredOn));

    public static readonly DomainRule GatheredOnInFuture = new(
        "contribution-gathered-on-in-future",
        "Enter a date the input was gathered that is today or in the past.",
        nameof(Contribution.GatheredOn));

    public static readonly DomainRule GivenByTooLong = new(
        "contribution-given-by-too-long",
        $"Describe who gave the input in {Contribution.GivenByMaxLength} characters or fewer.",
        nameof(Contribution.GivenBy));

    public static readonly DomainRule OnBehalfNeedsChampionOrCommissioner = new(
        "contribution-on-behalf-role",
        "Only the co-production champion or a commissioner can log input on someone's behalf.");

    public static readonly DomainRule ResponseRole = new(
        "response-role",
        "Only a commissioner, the co-production champion or a clinical adviser can respond to a contribution.");

    // Fixed by choosing another mode: a clinical adviser records clinically led decisions.
    public static readonly DomainRule DecisionRole = new(
        "decision-role",
        "Only a commissioner can record or change this decision. A clinical adviser can record a clinically led decision.",
        nameof(Decision.Mode));

    // Sign-off and reopen wording.
    public static readonly DomainRule StatementRequired = new(
        "statement-required",
        "Enter a sign-off statement: what was agreed, and with whom.",
        Statement);

    public static readonly DomainRule StatementTooLong = new(
        "statement-too-long",
        $"Enter a sign-off statement of {StageEvent.TextMaxLength} characters or fewer.",
        Statement);

    public static readonly DomainRule ReopenReasonRequired = new(
        "reopen-reason-required",
        "Enter why you are reopening this stage.",
        Reason);

    public static readonly DomainRule ReopenReasonTooLong = new(
        "reopen-reason-too-long",
        $"Enter a reason of {StageEvent.TextMaxLength} characters or fewer.",
        Reason);

    // Contributions.
    public static readonly DomainRule ContributionSummaryRequired = ContributionSummaryRequiredFor(onBehalf: false);

    public static readonly DomainRule ContributionSummaryTooLong = new(
        "contribution-summary-too-long",
        $"Enter a summary of {Contribution.SummaryMaxLength} characters or fewer.",
        nameof(Contribution.Summary));

    public static readonly DomainRule ContributionBodyTooLong = new(
        "contribution-body-too-long",
        $"Enter the full detail in {Contribution.BodyMaxLength} characters or fewer.",
        nameof(Contribution.Body));

    public static readonly DomainRule VoicesCarriedTooFew = new(
        "contribution-voices-carried",
        $"Enter how many people's views this carries, as a whole number from 1 to {Contribution.MostVoicesCarried.ToString("N0", CultureInfo.InvariantCulture)}, for example 6.",
        nameof(Contribution.VoicesCarried));

    public static readonly DomainRule ContributionVoiceRequired = new(
        "contribution-voice-required",
        "Choose whose voice this input carries.",
        nameof(Contribution.Voice));

    public static readonly DomainRule ContributionChannelRequired = new(
        "contribution-channel-required",
        "Choose how the input reached you.",
        nameof(Contribution.Channel));

    public static readonly DomainRule ContributionVisibilityRequired = new(
        "contribution-visibility-required",
        "Choose who can see this input.",
        nameof(Contribution.Visibility));

    // Responses.
    public static readonly DomainRule ResponseTypeRequired = new(
        "response-type-required",
        "Choose whether the input was adopted, adapted or not adopted.",
        nameof(Response.Type));

    public static readonly DomainRule ResponseExplanationRequired = new(
        "response-explanation-required",
        "Explain in plain words what happened because of this input.",
        nameof(Response.Explanation));

    public static readonly DomainRule ResponseExplanationTooLong = new(
        "response-explanation-too-long",
        $"Enter an explanation of {Response.ExplanationMaxLength} characters or fewer.",
        nameof(Response.Explanation));

    // Decisions.
    public static readonly DomainRule DecisionTitleRequired = new(
        "decision-title-required",
        "Enter a title for the decision.",
        nameof(Decision.Title));

    public static readonly DomainRule DecisionTitleTooLong = new(
        "decision-title-too-long",
        $"Enter a title of {Decision.TitleMaxLength} characters or fewer.",
        nameof(Decision.Title));

    public static readonly DomainRule WhatWasDecidedRequired = new(
        "decision-what-was-decided-required",
        "Enter what you decided.",
        nameof(Decision.WhatWasDecided));

    public static readonly DomainRule WhatWasDecidedTooLong = new(
        "decision-what-was-decided-too-long",
        $"Enter what you decided in {Decision.WhatWasDecidedMaxLength} characters or fewer.",
        nameof(Decision.WhatWasDecided));

    public static readonly DomainRule DecisionModeRequired = new(
        "decision-mode-required",
        "Choose how the decision was made.",
        nameof(Decision.Mode));

    public static readonly DomainRule DecisionRationaleTooLong = new(
        "decision-rationale-too-long",
        $"Enter a rationale of {Decision.RationaleMaxLength} characters or fewer.",
        nameof(Decision.Rationale));

    public static readonly DomainRule DecisionRungRequired = new(
        "decision-rung-required",
        "Choose where this decision sits on the ladder of co-production.",
        nameof(Decision.Rung));

    public static readonly DomainRule DecisionDateRequired = new(
        "decision-date-required",
        "Enter the date the decision was made.",
        DecidedOn);

    public static readonly DomainRule DecisionDateInFuture = new(
        "decision-date-in-future",
        "Enter a decision date that is today or in the past.",
        DecidedOn);

    // A decision can't contradict itself: its mode, its rung and who took part agree (checked when it is saved).
    public static readonly DomainRule CoProducedDecisionNeedsCoProductionRung = new(
        "decision-co-produced-rung",
        "A co-produced decision sits on the co-production rung of the ladder. Choose co-production, or choose another way the decision was made.",
        nameof(Decision.Rung));

    public static readonly DomainRule CoProductionRungNeedsCoProducedDecision = new(
        "decision-rung-not-co-produced",
        "Only a co-produced decision sits on the co-production rung. Choose the rung this decision reached, for example co-design or consultation.",
        nameof(Decision.Rung));

    public static readonly DomainRule CoProducedDecisionNeedsLivedExperienceParticipant = new(
        "decision-co-produced-participant",
        "A co-produced decision needs at least 1 person with lived experience or a carer taking part. Choose a panel member, or add the people without an account who took part.",
        nameof(Decision.Participants));

    // People without an account who took part. Refused beside the row: Groups[i].Count and so on.
    public static readonly DomainRule GroupCountInvalid = new(
        "decision-group-count",
        $"Enter how many people took part, as a whole number from 1 to {Contribution.MostVoicesCarried.ToString("N0", CultureInfo.InvariantCulture)}, for example 6.",
        nameof(GroupOfPeople.Count));

    public static readonly DomainRule GroupVoiceRequired = new(
        "decision-group-voice-required",
        "Choose whose voice these people carry.",
        nameof(GroupOfPeople.Voice));

    public static readonly DomainRule GroupDescriptionRequired = new(
        "decision-group-description-required",
        "Describe who took part, for example parents at the Harbourside workshop.",
        nameof(GroupOfPeople.Description));

    public static readonly DomainRule GroupDescriptionTooLong = new(
        "decision-group-description-too-long",
        $"Describe who took part in {GroupOfPeople.DescriptionMaxLength} characters or fewer.",
        nameof(GroupOfPeople.Description));

    // Subject: the contribution the note is about (Refusal.ForItem puts it beside that contribution's note).
    public static readonly DomainRule InfluenceNoteRequired = new(
        "decision-influence-note-required",
        "Say how this contribution shaped the decision.",
        Notes);

    public static readonly DomainRule InfluenceNoteTooLong = new(
        "decision-influence-note-too-long",
        $"Say how this contribution shaped the decision in {DecisionInfluence.NoteMaxLength} characters or fewer.",
        Notes);

    // The cycle itself.
    public static readonly DomainRule CycleTitleRequired = new(
        "cycle-title-required",
        "Enter a title for the cycle.",
        nameof(CommissioningCycle.Title));

    public static readonly DomainRule CycleTitleTooLong = new(
        "cycle-title-too-long",
        $"Enter a title of {CommissioningCycle.TitleMaxLength} characters or fewer.",
        nameof(CommissioningCycle.Title));

    public static readonly DomainRule ServiceAreaRequired = new(
        "cycle-service-area-required",
        "Enter the service area, for example community mental health.",
        nameof(CommissioningCycle.ServiceArea));

    public static readonly DomainRule ServiceAreaTooLong = new(
        "cycle-service-area-too-long",
        $"Enter a service area of {CommissioningCycle.ServiceAreaMaxLength} characters or fewer.",
        nameof(CommissioningCycle.ServiceArea));

    public static readonly DomainRule PopulationServedRequired = new(
        "cycle-population-served-required",
        "Enter who the service is for, for example adults aged 18 to 65 in Leeds.",
        nameof(CommissioningCycle.PopulationServed));

    public static readonly DomainRule PopulationServedTooLong = new(
        "cycle-population-served-too-long",
        $"Enter who the service is for in {CommissioningCycle.PopulationServedMaxLength} characters or fewer.",
        nameof(CommissioningCycle.PopulationServed));

    public static readonly DomainRule CommissioningOrganisationRequired = new(
        "cycle-organisation-required",
        "Enter the commissioning organisation, for example the integrated care board.",
        nameof(CommissioningCycle.CommissioningOrganisation));

    public static readonly DomainRule CommissioningOrganisationTooLong = new(
        "cycle-organisation-too-long",
        $"Enter an organisation name of {CommissioningCycle.CommissioningOrganisationMaxLength} characters or fewer.",
        nameof(CommissioningCycle.CommissioningOrganisation));

    public static readonly DomainRule BudgetInvalid = new(
        "cycle-budget-invalid",
        "Enter a budget of £0 or more in pounds and pence, for example 250000 or 250000.50, or leave it empty.",
        nameof(CommissioningCycle.Budget));

    public static readonly DomainRule StartDateRequired = new(
        "cycle-start-date-required",
        "Enter the date the cycle starts.",
        nameof(CommissioningCycle.StartDate));

    // Changing a cycle's settings after it was created.
    public static readonly DomainRule SettingsReasonRequired = new(
        "cycle-settings-reason-required",
        "Enter why you are changing the cycle's settings. Everyone in the cycle can read it in the cycle's history.",
        Reason);

    public static readonly DomainRule SettingsReasonTooLong = new(
        "cycle-settings-reason-too-long",
        $"Enter a reason of {CycleEvent.ReasonMaxLength} characters or fewer.",
        Reason);

    public static readonly DomainRule SettingsUnchanged = new(
        "cycle-settings-unchanged",
        "You have not changed any setting. Change at least one, or go back to the cycle without saving.");

    public static readonly DomainRule ChampionCannotBeRemoved = new(
        "cycle-champion-cannot-be-removed",
        "Choose a co-production champion. You can change the champion, but a cycle that has one cannot go without.",
        Champion);

    public static readonly DomainRule PolicyMinimumContributions = new(
        "policy-minimum-contributions",
        $"Enter a minimum number of lived-experience contributions from {SignOffPolicy.LowestMinimum} to {SignOffPolicy.HighestMinimum}.",
        nameof(SignOffPolicy.MinimumLivedExperienceContributions));

    public static readonly DomainRule PolicyMinimumContributors = new(
        "policy-minimum-contributors",
        $"Enter a minimum number of different lived-experience contributors from {SignOffPolicy.LowestMinimum} to {SignOffPolicy.HighestMinimum}.",
        nameof(SignOffPolicy.MinimumDistinctContributors));

    // One rule, worded for whose input it is: a person's own, or what people said to whoever logs it.
    public static DomainRule ContributionSummaryRequiredFor(bool onBehalf) => new(
        "contribution-summary-required",
        onBehalf ? "Enter a summary of what people said." : "Enter a summary of what you want to say.",
        nameof(Contribution.Summary));

    // R1 counts two things: pieces of input and the people behind them. Above 1 each message says which it counts.
    public static DomainRule LivedExperienceInputRequiredFor(int minimum) => new(
        "R1.lived-experience-input",
        minimum == 1
            ? "Log at least 1 contribution from a person with lived experience or a carer in this stage."
            : $"Log at least {minimum} contributions from people with lived experience or carers in this stage. This counts pieces of input: one person can give several, and input logged on behalf of a group counts as 1.");

    public static DomainRule DistinctContributorsRequiredFor(int minimum) => new(
        "R1.distinct-contributors",
        minimum == 1
            ? "Log input from at least 1 person with lived experience or a carer in this stage. This counts people, not pieces of input."
            : $"Log input from at least {minimum} different people with lived experience or carers in this stage. This counts people, not pieces of input: several contributions from one person count once, and input logged on behalf of a group counts each person in it.");

    // Subject: the earlier stage.
    public static DomainRule EarlierStageOpenFor(StageKind? earlier) => new(
        "R4.earlier-stage-open",
        earlier is { } kind
            ? $"Sign off {kind.ToPlainWords()} first. Stages are signed off in order."
            : "Sign off the earlier stages first. Stages are signed off in order.");

    // Subject: the later stage.
    public static DomainRule LaterStageSignedOffFor(StageKind? later) => new(
        "R4.later-stage-signed-off",
        later is { } kind
            ? $"Reopen {kind.ToPlainWords()} first. Stages are reopened from the latest signed-off stage back."
            : "Reopen the later stages first. Stages are reopened from the latest signed-off stage back.");
}
