using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// A cycle's monitoring: the contract made from the procurement's award (its parties, value, dates, the approved
/// specification's outcome framework, KPIs and the commissioner's commitments), its reporting periods, and the review
/// meetings that end in a decision. Kept apart from the cycle, like the procurement, so monitoring never clashes with
/// work elsewhere; every change checks the cycle's monitoring stage. Providers' returns and the panel's ratings are
/// aggregates of their own (<see cref="ProviderReturn"/>, <see cref="PanelRating"/>), so people writing at once never clash.
/// </summary>
public sealed partial class CycleMonitoring
{
    public const int ExtensionOptionsMaxLength = 2000;
    public const int ValuePrecision = 14;
    public const int ValueScale = 2;
    public const decimal ValueMaxValue = 999_999_999_999.99m;

    /// <summary>Over this value the Procurement Act 2023 expects at least <see cref="PublishedKpisExpected"/> KPIs.</summary>
    public const decimal PublishedKpisThreshold = 5_000_000m;
    public const int PublishedKpisExpected = 3;

    /// <summary>Contracts longer than this are mistyped dates, not contracts.</summary>
    public const int LongestContractYears = 25;

    private readonly List<ContractParty> _parties = [];
    private readonly List<ContractOutcome> _outcomes = [];
    private readonly List<Kpi> _kpis = [];
    private readonly List<ReportingPeriod> _periods = [];

    private CycleMonitoring() { }

    private CycleMonitoring(Guid cycleId, CycleProcurement procurement, ServiceSpecification specification, string createdByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        ProcurementId = procurement.Id;
        Regime = procurement.Regime;
        Route = procurement.Route;
        AwardDecisionId = procurement.AwardDecisionId!.Value;
        SpecificationVersionNumber = specification.ApprovedVersionNumber!.Value;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
        LastChangedAt = now;
        _outcomes.AddRange(specification.FindVersion(SpecificationVersionNumber)!.Outcomes.Select(o => new ContractOutcome(o)));
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid ProcurementId { get; private set; }

    /// <summary>The rules the contract was procured under: the Procurement Act 2023 expects published KPIs.</summary>
    public ProcurementRegime Regime { get; private set; }

    public ProcurementRoute Route { get; private set; }

    /// <summary>The award decision in the procurement stage the contract was made from.</summary>
    public Guid AwardDecisionId { get; private set; }

    /// <summary>The approved version of the specification whose outcome framework the contract carries.</summary>
    public int SpecificationVersionNumber { get; private set; }

    public string CreatedByUserId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set by every change, so saving any change updates this row and <see cref="Version"/> catches two people saving at once.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public decimal Value { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>The options to extend the contract, in the contract's words: "up to 2 further years, one at a time".</summary>
    public string ExtensionOptions { get; private set; } = "";

    public ReportingFrequency Frequency { get; private set; }

    public IReadOnlyList<ContractParty> Parties => _parties;

    /// <summary>The outcome framework of the approved specification, as it read when the contract was made.</summary>
    public IReadOnlyList<ContractOutcome> Outcomes => [.. _outcomes.OrderBy(o => o.Position)];

    /// <summary>The providers' KPIs, reported in their returns.</summary>
    public IReadOnlyList<Kpi> Kpis => [.. _kpis.Where(k => k.Owner == KpiOwner.Provider).OrderBy(k => k.Position)];

    /// <summary>What the commissioner committed to, monitored like the KPIs.</summary>
    public IReadOnlyList<Kpi> Commitments => [.. _kpis.Where(k => k.Owner == KpiOwner.Commissioner).OrderBy(k => k.Position)];

    public IReadOnlyList<ReportingPeriod> Periods => [.. _periods.OrderBy(p => p.StartsOn)];

    /// <summary>An alliance agreement: every member and the commissioner are parties, and members read each other's returns.</summary>
    public bool IsAlliance => IsAllianceUnder(Regime);

    /// <summary>The organisations that report on the contract every period.</summary>
    public IReadOnlyList<Guid> ReturningOrganisationIds => ContractParty.ReturningOrganisations(_parties);

    /// <summary>Whether a contract procured under <paramref name="regime"/> is an alliance agreement.</summary>
    public static bool IsAllianceUnder(ProcurementRegime regime) => regime == ProcurementRegime.AllianceAgreement;

    public Guid? LeadOrganisationId => _parties.SingleOrDefault(p => p.Role == PartyRole.LeadProvider)?.OrganisationId;

    /// <summary>What is worth saying but does not stop anything: a Procurement Act 2023 contract over £5m with fewer than three KPIs.</summary>
    public IReadOnlyList<DomainRule> Warnings =>
        Regime == ProcurementRegime.ProcurementAct2023 && Value > PublishedKpisThreshold && Kpis.Count < PublishedKpisExpected
            ? [MonitoringRules.FewerThanThreeKpis]
            : [];

    public bool IsReturningParty(Guid? organisationId) => organisationId is { } id && ReturningOrganisationIds.Contains(id);

    public ContractOutcome? FindOutcome(Guid outcomeId) => _outcomes.SingleOrDefault(o => o.OutcomeId == outcomeId);

    public Kpi? FindKpi(Guid kpiId) => _kpis.SingleOrDefault(k => k.Id == kpiId);

    public ReportingPeriod? FindPeriod(Guid periodId) => _periods.SingleOrDefault(p => p.Id == periodId);

    /// <summary>The provider KPIs a return for <paramref name="period"/> reports a value for.</summary>
    public IReadOnlyList<Kpi> KpisReportedIn(ReportingPeriod period) =>
        [.. Kpis.Where(k => k.IsReportedIn(period, StartsOn, EndsOn))];

    /// <summary>
    /// A commissioner makes the contract from the procurement's award, once the monitoring stage is open: the providers
    /// the award names become its parties (for an alliance agreement every member, with the commissioner), and the
    /// approved specification's outcome framework becomes what they report against. Reporting periods follow from the
    /// dates, quarterly unless another frequency is chosen.
    /// </summary>
    public static DomainOutcome<CycleMonitoring> Start(
        CommissioningCycle cycle, CycleProcurement? procurement, ServiceSpecification? specification, ContractDraft draft, bool cycleHasContract,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (cycleHasContract)
        {
            refusals.Add(new Refusal(MonitoringRules.ContractAlreadyMade));
        }

        if (procurement is null || !procurement.IsAwardRecorded)
        {
            refusals.Add(new Refusal(MonitoringRules.AwardRequired));
        }
        else
        {
            StageContent.CheckCycle(cycle, procurement.CycleId);
        }

        if (specification?.ApprovedVersionNumber is null)
        {
            refusals.Add(new Refusal(MonitoringRules.SpecificationNotApproved));
        }
        else
        {
            StageContent.CheckCycle(cycle, specification.CycleId);
        }

        CheckValue(refusals, draft.Value);
        CheckDates(refusals, draft.StartsOn, draft.EndsOn);
        TextInput.Check(refusals, draft.ExtensionOptions, ExtensionOptionsMaxLength, null, MonitoringRules.ExtensionOptionsTooLong);
        if (draft.Frequency is { } frequency)
        {
            Guard.Defined(frequency);
        }

        var alliance = procurement?.Regime == ProcurementRegime.AllianceAgreement;
        var awarded = procurement?.AwardedOrganisationIds ?? [];
        Guid? lead = null;
        if (!alliance && awarded.Count > 0)
        {
            lead = draft.LeadOrganisationId ?? (awarded.Count == 1 ? awarded[0] : null);
            if (lead is null)
            {
                refusals.Add(new Refusal(MonitoringRules.LeadRequired));
            }
            else if (!awarded.Contains(lead.Value))
            {
                refusals.Add(new Refusal(MonitoringRules.LeadNotAwarded));
            }
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<CycleMonitoring>(refusals);
        }

        var monitoring = new CycleMonitoring(cycle.Id, procurement!, specification!, actorUserId, now)
        {
            Value = draft.Value!.Value,
            StartsOn = draft.StartsOn!.Value,
            EndsOn = draft.EndsOn!.Value,
            ExtensionOptions = TextInput.Clean(draft.ExtensionOptions),
            Frequency = draft.Frequency ?? ReportingFrequency.Quarterly,
        };
        if (alliance)
        {
            monitoring._parties.AddRange(awarded.Select(id => new ContractParty(id, PartyRole.AllianceMember)));
            monitoring._parties.Add(new ContractParty(null, PartyRole.Commissioner));
        }
        else
        {
            monitoring._parties.Add(new ContractParty(lead, PartyRole.LeadProvider));
            monitoring._parties.AddRange(awarded.Where(id => id != lead).Select(id => new ContractParty(id, PartyRole.Partner)));
        }

        monitoring._periods.AddRange(PeriodsBetween(monitoring.StartsOn, monitoring.EndsOn, monitoring.Frequency)
            .Select(p => new ReportingPeriod(p.Number, p.StartsOn, p.EndsOn)));
        var changed = monitoring.Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(monitoring) : DomainOutcome.Refused<CycleMonitoring>(changed.Refusals);
    }

    /// <summary>
    /// The periods from <paramref name="startsOn"/> to <paramref name="endsOn"/>, each <paramref name="frequency"/> long
    /// and the last one ending with the contract.
    /// </summary>
    public static IReadOnlyList<(int Number, DateOnly StartsOn, DateOnly EndsOn)> PeriodsBetween(DateOnly startsOn, DateOnly endsOn, ReportingFrequency frequency)
    {
        List<(int, DateOnly, DateOnly)> periods = [];
        var number = 1;
        for (var start = startsOn; start <= endsOn; number++)
        {
            var next = startsOn.AddMonths(frequency.Months() * number);
            var end = next.AddDays(-1) < endsOn ? next.AddDays(-1) : endsOn;
            periods.Add((number, start, end));
            start = next;
        }

        return periods;
    }

    private static void CheckValue(List<Refusal> refusals, decimal? value)
    {
        if (value is null)
        {
            refusals.Add(new Refusal(MonitoringRules.ValueRequired));
        }
        else if (value <= 0 || value > ValueMaxValue || decimal.Round(value.Value, ValueScale) != value)
        {
            refusals.Add(new Refusal(MonitoringRules.ValueNotValid));
        }
    }

    private static void CheckDates(List<Refusal> refusals, DateOnly? startsOn, DateOnly? endsOn)
    {
        if (startsOn is null)
        {
            refusals.Add(new Refusal(MonitoringRules.StartsOnRequired));
        }

        if (endsOn is null)
        {
            refusals.Add(new Refusal(MonitoringRules.EndsOnRequired));
        }
        else if (startsOn is { } start && endsOn <= start)
        {
            refusals.Add(new Refusal(MonitoringRules.EndsBeforeStart));
        }
        else if (startsOn is { } first && endsOn > first.AddYears(LongestContractYears))
        {
            refusals.Add(new Refusal(MonitoringRules.ContractTooLong));
        }
    }

    private static List<Refusal> CheckActor(CommissioningCycle cycle, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        List<Refusal> refusals = CheckStage(cycle, actorUserId, actorRole, now);
        if (!CyclePermissions.Allows(actorRole, CycleOperation.ManageCycle))
        {
            refusals.Insert(0, new Refusal(CycleRules.CommissionerOnly));
        }

        return refusals;
    }

    /// <summary>What every change in monitoring needs, whoever makes it: the monitoring stage open and not signed off.</summary>
    internal static List<Refusal> CheckStage(CommissioningCycle cycle, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Defined(actorRole);
        Guard.Utc(now);
        List<Refusal> refusals = [];
        if (cycle.StageOf(StageKind.Monitoring).Status == StageStatus.NotStarted)
        {
            refusals.Add(new Refusal(CycleRules.StageNotOpen));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.Monitoring, now);
        return refusals;
    }

    /// <summary>Marks this and the cycle changed, so the save checks both versions and races a sign-off fairly (R8).</summary>
    private DomainOutcome Changed(CommissioningCycle cycle, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        LastChangedAt = now;
        return cycle.RecordStageContentChange(StageKind.Monitoring, now);
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
