namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Rules for the monitoring stage: the contract, its KPIs and commitments, and its reporting periods. Codes are
/// stable; messages say how to fix the problem. Who may act reuses <see cref="CycleRules.CommissionerOnly"/>, and a
/// signed-off monitoring stage refuses every change with <see cref="CycleRules.StageSignedOff"/>.
/// </summary>
public static partial class MonitoringRules
{
    // Making the contract.
    public static readonly DomainRule ContractAlreadyMade = new(
        "mon-contract-already-made",
        "The contract for this cycle has already been made. Change its terms instead.");

    public static readonly DomainRule AwardRequired = new(
        "mon-award-required",
        "Record the award in the procurement stage before you make the contract: the contract is made with the providers it names.");

    public static readonly DomainRule SpecificationNotApproved = new(
        "mon-specification-not-approved",
        "Approve a version of the specification before you make the contract: providers report against its outcome framework.");

    public static readonly DomainRule ValueRequired = new(
        "mon-value-required",
        "Enter the value of the contract in pounds, for example 1250000.",
        nameof(ContractDraft.Value));

    public static readonly DomainRule ValueNotValid = new(
        "mon-value-not-valid",
        $"Enter a value above £0 and up to £{CycleMonitoring.ValueMaxValue:N2}, in pounds and pence.",
        nameof(ContractDraft.Value));

    public static readonly DomainRule StartsOnRequired = new(
        "mon-starts-on-required",
        "Enter the date the contract starts.",
        nameof(ContractDraft.StartsOn));

    public static readonly DomainRule EndsOnRequired = new(
        "mon-ends-on-required",
        "Enter the date the contract ends.",
        nameof(ContractDraft.EndsOn));

    public static readonly DomainRule EndsBeforeStart = new(
        "mon-ends-before-start",
        "The contract must end after the day it starts.",
        nameof(ContractDraft.EndsOn));

    public static readonly DomainRule ContractTooLong = new(
        "mon-contract-too-long",
        $"A contract can last at most {CycleMonitoring.LongestContractYears} years. Check the dates.",
        nameof(ContractDraft.EndsOn));

    public static readonly DomainRule EndsInStartedPeriod = new(
        "mon-ends-in-started-period",
        "The contract cannot end before the end of a reporting period that has already started, because returns may already be given for it. Choose a later end date.",
        nameof(ContractTerms.EndsOn));

    public static readonly DomainRule ExtensionOptionsTooLong = new(
        "mon-extension-options-too-long",
        $"Describe the extension options in {CycleMonitoring.ExtensionOptionsMaxLength} characters or fewer.",
        nameof(ContractDraft.ExtensionOptions));

    public static readonly DomainRule LeadRequired = new(
        "mon-lead-required",
        "The award names more than one provider. Choose which of them leads the contract.",
        nameof(ContractDraft.LeadOrganisationId));

    public static readonly DomainRule LeadNotAwarded = new(
        "mon-lead-not-awarded",
        "Choose one of the providers the award names as the lead provider.",
        nameof(ContractDraft.LeadOrganisationId));

    // KPIs and the commissioner's commitments.
    public static readonly DomainRule KpiNameRequired = new(
        "mon-kpi-name-required",
        "Enter a name for the measure, for example: People seen within 4 hours of referral.",
        nameof(KpiDraft.Name));

    public static readonly DomainRule KpiNameTooLong = new(
        "mon-kpi-name-too-long",
        $"Enter a name of {Kpi.NameMaxLength} characters or fewer.",
        nameof(KpiDraft.Name));

    public static readonly DomainRule KpiDefinitionRequired = new(
        "mon-kpi-definition-required",
        "Enter how the measure is worked out: what is counted, and out of what.",
        nameof(KpiDraft.Definition));

    public static readonly DomainRule KpiDefinitionTooLong = new(
        "mon-kpi-definition-too-long",
        $"Enter the definition in {Kpi.DefinitionMaxLength} characters or fewer.",
        nameof(KpiDraft.Definition));

    public static readonly DomainRule KpiTargetRequired = new(
        "mon-kpi-target-required",
        "Enter the target as a number, for example 95.",
        nameof(KpiDraft.Target));

    public static readonly DomainRule KpiTargetNotAPercentage = new(
        "mon-kpi-target-not-a-percentage",
        "Enter the target as a percentage from 0 to 100, or change the unit if it is not a percentage.",
        nameof(KpiDraft.Target));

    public static readonly DomainRule KpiUnitTooLong = new(
        "mon-kpi-unit-too-long",
        $"Enter the unit in {Kpi.UnitMaxLength} characters or fewer, for example: % or days.",
        nameof(KpiDraft.Unit));

    public static readonly DomainRule KpiDirectionRequired = new(
        "mon-kpi-direction-required",
        "Choose whether the target is met by reaching it or by staying under it.",
        nameof(KpiDraft.Direction));

    public static readonly DomainRule KpiFrequencyRequired = new(
        "mon-kpi-frequency-required",
        "Choose how often the measure is reported.",
        nameof(KpiDraft.Frequency));

    public static readonly DomainRule KpiDataSourceRequired = new(
        "mon-kpi-data-source-required",
        "Enter where the figures come from, for example: the provider's case records.",
        nameof(KpiDraft.DataSource));

    public static readonly DomainRule KpiDataSourceTooLong = new(
        "mon-kpi-data-source-too-long",
        $"Enter the data source in {Kpi.DataSourceMaxLength} characters or fewer.",
        nameof(KpiDraft.DataSource));

    public static readonly DomainRule KpiNotFound = new(
        "mon-kpi-not-found",
        "This measure is no longer part of the contract.");

    public static readonly DomainRule KpiReported = new(
        "mon-kpi-reported",
        "Values have already been reported for this measure, so it cannot be removed. Change it instead.");

    /// <summary>Not a refusal: shown beside the KPIs, because the Procurement Act 2023 asks for at least three published KPIs over £5m.</summary>
    public static readonly DomainRule FewerThanThreeKpis = new(
        "mon-fewer-than-three-kpis",
        $"This contract is over £5 million under the Procurement Act 2023, which expects at least {CycleMonitoring.PublishedKpisExpected} key performance indicators to be set and published. Add more KPIs.");

    // Periods, commitments' results and explanations.
    public static readonly DomainRule PeriodNotFound = new(
        "mon-period-not-found",
        "This reporting period is no longer part of the contract.");

    public static readonly DomainRule PeriodNotStarted = new(
        "mon-period-not-started",
        "This reporting period has not started yet. Report on it once it has.");

    public static readonly DomainRule CommitmentNotFound = new(
        "mon-commitment-not-found",
        "This commitment is no longer part of the contract.");

    public static readonly DomainRule ResultValueRequired = new(
        "mon-result-value-required",
        "Enter the result for the period as a number.",
        "Value");

    public static readonly DomainRule ResultNotAPercentage = new(
        "mon-result-not-a-percentage",
        "Enter the result as a percentage from 0 to 100.",
        "Value");

    public static readonly DomainRule ResultNoteTooLong = new(
        "mon-result-note-too-long",
        $"Enter the note in {CommitmentResult.NoteMaxLength} characters or fewer.",
        "Note");

    public static readonly DomainRule NotAReturningParty = new(
        "mon-not-a-returning-party",
        "Choose a provider that is party to the contract.",
        "OrganisationId");

    public static readonly DomainRule ExplanationRequired = new(
        "mon-explanation-required",
        "Explain why the return is missing, for example: the service was paused in May while the building was repaired.",
        "Explanation");

    public static readonly DomainRule ExplanationTooLong = new(
        "mon-explanation-too-long",
        $"Explain in {ReturnExplanation.TextMaxLength} characters or fewer.",
        "Explanation");
}
