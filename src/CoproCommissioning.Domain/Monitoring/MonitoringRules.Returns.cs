namespace CoproCommissioning.Domain.Monitoring;

// Providers' returns: who writes them, what a submitted one needs, and corrections.
public static partial class MonitoringRules
{
    public static readonly DomainRule ProvidersOnlyReturn = new(
        "mon-providers-only-return",
        "Only providers who are party to the contract can write its returns.");

    public static readonly DomainRule NotYourContract = new(
        "mon-not-your-contract",
        "Your organisation is not party to this contract, so it does not report on it.");

    public static readonly DomainRule OrganisationHasReturn = new(
        "mon-organisation-has-return",
        "Your organisation has already started its return for this period. Carry on with that one.");

    public static readonly DomainRule NotYourReturn = new(
        "mon-not-your-return",
        "This return belongs to another organisation. Only its own people can change it.");

    public static readonly DomainRule ReturnSubmitted = new(
        "mon-return-submitted",
        "This return has been submitted, so it can no longer change. Start a correction, saying why, to change it.");

    public static readonly DomainRule OutcomeNotInContract = new(
        "mon-outcome-not-in-contract",
        "An outcome you reported on is not in the contract's outcome framework. Reload the page and report again.",
        "Outcomes");

    public static readonly DomainRule KpiNotInContract = new(
        "mon-kpi-not-in-contract",
        "A KPI you reported on is not in the contract. Reload the page and report again.",
        "Kpis");

    /// <summary>Named by the outcome's statement, so a list of several still says which is missing.</summary>
    public static DomainRule RatingRequired(string outcome) => new(
        "mon-rating-required",
        $"Choose a rating for \u201C{outcome}\u201D before you submit the return.",
        "Rating");

    /// <summary>Named by the outcome's statement, so a list of several still says which is missing.</summary>
    public static DomainRule EvidenceRequired(string outcome) => new(
        "mon-evidence-required",
        $"Give the evidence for your rating of \u201C{outcome}\u201D: what happened, and how you know.",
        "Evidence");

    public static readonly DomainRule EvidenceTooLong = new(
        "mon-evidence-too-long",
        $"Give the evidence for each outcome in {ReturnRevision.EvidenceMaxLength} characters or fewer.",
        "Evidence");

    /// <summary>Named by the KPI, so a list of several still says which is missing.</summary>
    public static DomainRule KpiValueRequired(string kpi) => new(
        "mon-kpi-value-required",
        $"Enter this period's value for \u201C{kpi}\u201D as a number before you submit the return.",
        "Value");

    /// <summary>A percentage over 100 or below 0 is a mistyped figure, and would read as meeting or missing its target.</summary>
    public static DomainRule KpiValueNotAPercentage(string kpi) => new(
        "mon-kpi-value-not-a-percentage",
        $"Enter \u201C{kpi}\u201D as a percentage from 0 to 100.",
        "Value");

    /// <summary>Before its last day a period's figures are not known, so a return submitted then would report on part of it.</summary>
    public static readonly DomainRule PeriodNotEnded = new(
        "mon-period-not-ended",
        "You can submit the return from the last day of its period, once the period's figures are known. Save it as a draft until then.");

    public static readonly DomainRule KpiNoteTooLong = new(
        "mon-kpi-note-too-long",
        $"Enter the note on each KPI in {ReturnRevision.NoteMaxLength} characters or fewer.",
        "Note");

    public static readonly DomainRule CoProductionEvidenceRequired = new(
        "mon-co-production-evidence-required",
        "Say what people who use the service changed this period, and how they were involved.",
        nameof(ReturnDraft.CoProductionEvidence));

    public static readonly DomainRule CoProductionEvidenceTooLong = new(
        "mon-co-production-evidence-too-long",
        $"Say what people who use the service changed in {ReturnRevision.CoProductionEvidenceMaxLength} characters or fewer.",
        nameof(ReturnDraft.CoProductionEvidence));

    public static readonly DomainRule ForumMinutesTooLong = new(
        "mon-forum-minutes-too-long",
        $"Enter the forum's minutes in {ReturnRevision.ForumMinutesMaxLength} characters or fewer.",
        nameof(ReturnDraft.ForumMinutes));

    public static readonly DomainRule ExceptionsTooLong = new(
        "mon-exceptions-too-long",
        $"Describe the exceptions in {ReturnRevision.ExceptionsMaxLength} characters or fewer.",
        nameof(ReturnDraft.Exceptions));

    public static readonly DomainRule CorrectOnlySubmitted = new(
        "mon-correct-only-submitted",
        "This return has not been submitted yet, so change the draft instead of correcting it.");

    public static readonly DomainRule CorrectionStarted = new(
        "mon-correction-started",
        "A correction of this return has already been started. Carry on with it and submit it.");

    public static readonly DomainRule NoCorrectionStarted = new(
        "mon-no-correction-started",
        "There is no correction of this return to stop. The return stands as submitted.");

    public static readonly DomainRule CorrectionReasonRequired = new(
        "mon-correction-reason-required",
        "Say why the submitted return needs correcting, for example: the KPI figures for June were counted twice.",
        "Reason");

    public static readonly DomainRule CorrectionReasonTooLong = new(
        "mon-correction-reason-too-long",
        $"Say why in {ReturnRevision.ReasonMaxLength} characters or fewer.",
        "Reason");
}
