namespace CoproCommissioning.Domain.Monitoring;

// The contract's terms, its KPIs and the commissioner's commitments.
public sealed partial class CycleMonitoring
{
    /// <summary>
    /// A commissioner changes the contract's value, end date or extension options (an extension, a variation). Periods
    /// follow the new end: later ones are added, and ones after an earlier end are dropped, but never one that has
    /// started, because returns and ratings may already be given for it.
    /// </summary>
    public DomainOutcome ChangeTerms(CommissioningCycle cycle, ContractTerms terms, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        CheckValue(refusals, terms.Value);
        CheckDates(refusals, StartsOn, terms.EndsOn);
        TextInput.Check(refusals, terms.ExtensionOptions, ExtensionOptionsMaxLength, null, MonitoringRules.ExtensionOptionsTooLong);
        var wanted = terms.EndsOn is { } ends && ends > StartsOn ? PeriodsBetween(StartsOn, ends, Frequency) : [];
        var today = Today(now);
        if (terms.EndsOn is { } newEnd && _periods.Any(p => p.HasStarted(today) && p.EndsOn > newEnd))
        {
            refusals.Add(new Refusal(MonitoringRules.EndsInStartedPeriod));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Value = terms.Value!.Value;
        EndsOn = terms.EndsOn!.Value;
        ExtensionOptions = TextInput.Clean(terms.ExtensionOptions);
        _periods.RemoveAll(p => !wanted.Any(w => w.StartsOn == p.StartsOn));
        foreach (var (number, startsOn, endsOn) in wanted)
        {
            if (_periods.SingleOrDefault(p => p.StartsOn == startsOn) is { } existing)
            {
                existing.MoveEnd(endsOn);
            }
            else
            {
                _periods.Add(new ReportingPeriod(number, startsOn, endsOn));
            }
        }

        return Changed(cycle, now);
    }

    /// <summary>A commissioner adds a KPI (<see cref="KpiOwner.Provider"/>) or one of its own commitments.</summary>
    public DomainOutcome<Kpi> AddKpi(CommissioningCycle cycle, KpiOwner owner, KpiDraft draft, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        Guard.Defined(owner);
        ArgumentNullException.ThrowIfNull(draft);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        CheckKpi(refusals, draft);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Kpi>(refusals);
        }

        var kpi = new Kpi(owner, _kpis.Where(k => k.Owner == owner).Select(k => k.Position).DefaultIfEmpty(0).Max() + 1, draft);
        _kpis.Add(kpi);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(kpi) : DomainOutcome.Refused<Kpi>(changed.Refusals);
    }

    /// <summary>A commissioner rewrites a KPI or a commitment; values already reported are kept against it.</summary>
    public DomainOutcome ChangeKpi(CommissioningCycle cycle, Guid kpiId, KpiDraft draft, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        var kpi = FindKpi(kpiId);
        if (kpi is null)
        {
            refusals.Add(new Refusal(MonitoringRules.KpiNotFound));
        }

        CheckKpi(refusals, draft);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        kpi!.Apply(draft);
        return Changed(cycle, now);
    }

    /// <summary>
    /// A commissioner removes a KPI or a commitment nobody has reported on yet; <paramref name="reported"/> says whether
    /// a return or a result gives a value for it, because removing it then would lose what was reported.
    /// </summary>
    public DomainOutcome RemoveKpi(CommissioningCycle cycle, Guid kpiId, bool reported, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        var kpi = FindKpi(kpiId);
        if (kpi is null)
        {
            refusals.Add(new Refusal(MonitoringRules.KpiNotFound));
        }
        else if (IsReportedOn(kpiId, reported))
        {
            refusals.Add(new Refusal(MonitoringRules.KpiReported));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        _kpis.Remove(kpi!);
        return Changed(cycle, now);
    }

    /// <summary>
    /// Whether anything was reported on a KPI or commitment, so removing it would lose it: a figure in a return
    /// (<paramref name="inAReturn"/>, as returns are not part of the contract) or a result the commissioner recorded.
    /// Pages ask this before offering to remove one, so they offer it exactly when <see cref="RemoveKpi"/> allows it.
    /// </summary>
    public bool IsReportedOn(Guid kpiId, bool inAReturn) => inAReturn || _results.Any(r => r.KpiId == kpiId);

    private static void CheckKpi(List<Refusal> refusals, KpiDraft draft)
    {
        TextInput.Check(refusals, draft.Name, Kpi.NameMaxLength, MonitoringRules.KpiNameRequired, MonitoringRules.KpiNameTooLong);
        TextInput.Check(refusals, draft.Definition, Kpi.DefinitionMaxLength, MonitoringRules.KpiDefinitionRequired, MonitoringRules.KpiDefinitionTooLong);
        if (draft.Target is not { } target || Math.Abs(target) > ValueMaxValue || decimal.Round(target, Kpi.TargetScale) != target)
        {
            refusals.Add(new Refusal(MonitoringRules.KpiTargetRequired));
        }
        else if (Kpi.IsPercentageUnit(draft.Unit) && !Kpi.InPercentRange(target))
        {
            refusals.Add(new Refusal(MonitoringRules.KpiTargetNotAPercentage));
        }

        TextInput.Check(refusals, draft.Unit, Kpi.UnitMaxLength, null, MonitoringRules.KpiUnitTooLong);
        ChoiceInput.Check(refusals, draft.Direction, MonitoringRules.KpiDirectionRequired);
        ChoiceInput.Check(refusals, draft.Frequency, MonitoringRules.KpiFrequencyRequired);
        TextInput.Check(refusals, draft.DataSource, Kpi.DataSourceMaxLength, MonitoringRules.KpiDataSourceRequired, MonitoringRules.KpiDataSourceTooLong);
    }
}
