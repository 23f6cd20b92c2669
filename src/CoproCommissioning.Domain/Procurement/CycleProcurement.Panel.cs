namespace CoproCommissioning.Domain.Procurement;

// The evaluation panel: officers, clinical advisers and lived-experience evaluators, each briefed and each declaring
// their interests before any bid is read.
public sealed partial class CycleProcurement
{
    /// <summary>
    /// A commissioner adds a member of the cycle to the panel with the criteria they will score. Providers may bid, so
    /// they never evaluate; a lived-experience evaluator is a panel member and a clinical adviser is the cycle's clinical
    /// adviser. <paramref name="memberRole"/> is the person's role in the cycle, or null when they are not a member.
    /// </summary>
    public DomainOutcome<Evaluator> AddEvaluator(
        CommissioningCycle cycle, string userId, CycleRole? memberRole, EvaluatorRole? role, IReadOnlyList<Guid> criterionIds,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(criterionIds);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (memberRole is null)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluatorNotMember));
        }
        else if (memberRole == CycleRole.Provider)
        {
            refusals.Add(new Refusal(ProcurementRules.ProviderCannotEvaluate));
        }
        else if (EvaluatorFor(userId) is not null)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluatorAlreadyOnPanel));
        }

        if (ChoiceInput.Check(refusals, role, ProcurementRules.EvaluatorRoleRequired) && memberRole is { } member
            && member != CycleRole.Provider && !Suits(role.Value, member))
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluatorRoleDoesNotMatch));
        }

        CheckCriteria(refusals, criterionIds);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Evaluator>(refusals);
        }

        var evaluator = new Evaluator(userId, role!.Value, criterionIds, actorUserId, now);
        _evaluators.Add(evaluator);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(evaluator) : DomainOutcome.Refused<Evaluator>(changed.Refusals);
    }

    /// <summary>Which evaluator roles suit which members of the cycle.</summary>
    public static bool Suits(EvaluatorRole role, CycleRole memberRole) => role switch
    {
        EvaluatorRole.LivedExperience => memberRole == CycleRole.PanelMember,
        EvaluatorRole.ClinicalAdviser => memberRole == CycleRole.ClinicalAdviser,
        EvaluatorRole.Officer => memberRole is CycleRole.Commissioner or CycleRole.CoProductionChampion,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No members are listed for this role."),
    };

    public DomainOutcome AssignCriteria(
        CommissioningCycle cycle, Guid evaluatorId, IReadOnlyList<Guid> criterionIds, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(criterionIds);
        var evaluator = FindEvaluator(evaluatorId);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (evaluator is null)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluatorNotFound));
        }

        CheckCriteria(refusals, criterionIds);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        evaluator!.Assign(criterionIds);
        return Changed(cycle, now);
    }

    /// <summary>Before bidding opens a commissioner can take someone off the panel; after it, they step down by declaring.</summary>
    public DomainOutcome RemoveEvaluator(CommissioningCycle cycle, Guid evaluatorId, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var evaluator = FindEvaluator(evaluatorId);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (evaluator is null)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluatorNotFound));
        }

        if (IsBiddingOpen)
        {
            refusals.Add(new Refusal(ProcurementRules.CriteriaLocked));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        _evaluators.Remove(evaluator!);
        return Changed(cycle, now);
    }

    /// <summary>A commissioner records that the evaluator completed evaluator training, when and from whom.</summary>
    public DomainOutcome RecordBriefing(
        CommissioningCycle cycle, Guid evaluatorId, DateOnly? briefedOn, string? briefedBy, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var evaluator = FindEvaluator(evaluatorId);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (evaluator is null)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluatorNotFound));
        }

        if (briefedOn is null)
        {
            refusals.Add(new Refusal(ProcurementRules.BriefedOnRequired));
        }
        else if (briefedOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            // A day's grace: "today" in the UK can be tomorrow in UTC terms for an hour.
            refusals.Add(new Refusal(ProcurementRules.BriefedOnInFuture));
        }

        TextInput.Check(refusals, briefedBy, Evaluator.BriefedByMaxLength, ProcurementRules.BriefedByRequired, ProcurementRules.BriefedByTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        evaluator!.RecordBriefing(briefedOn!.Value, TextInput.Clean(briefedBy));
        return Changed(cycle, now);
    }

    /// <summary>
    /// The evaluator declares their interests themselves: none, or the interest and the action agreed. A new declaration
    /// replaces the last and needs accepting again.
    /// </summary>
    public DomainOutcome Declare(
        CommissioningCycle cycle, Guid evaluatorId, DeclarationDraft draft, string actorUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Utc(now);
        var evaluator = FindEvaluator(evaluatorId);
        List<Refusal> refusals = [];
        if (evaluator is null)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluatorNotFound));
        }
        else if (evaluator.UserId != actorUserId)
        {
            refusals.Add(new Refusal(ProcurementRules.OnlyTheEvaluatorDeclares));
        }

        if (cycle.StageOf(StageKind.Procurement).Status == StageStatus.NotStarted)
        {
            refusals.Add(new Refusal(CycleRules.StageNotOpen));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.Procurement, now);
        if (draft.HasInterest is null)
        {
            refusals.Add(new Refusal(ProcurementRules.HasInterestRequired));
        }
        else if (draft.HasInterest == true)
        {
            TextInput.Check(refusals, draft.Interest, Evaluator.InterestMaxLength, ProcurementRules.InterestRequired, ProcurementRules.InterestTooLong);
            if (ChoiceInput.Check(refusals, draft.Action, ProcurementRules.ActionRequired)
                && draft.Action == ConflictAction.RestrictBids && (draft.RestrictedOrganisationIds ?? []).Count == 0)
            {
                refusals.Add(new Refusal(ProcurementRules.RestrictedOrganisationsRequired));
            }
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        evaluator!.Declare(draft, now);
        return Changed(cycle, now);
    }

    /// <summary>A commissioner accepts a declaration; only then may the evaluator read bids.</summary>
    public DomainOutcome AcceptDeclaration(CommissioningCycle cycle, Guid evaluatorId, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var evaluator = FindEvaluator(evaluatorId);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (evaluator is null)
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluatorNotFound));
        }
        else if (!evaluator.HasDeclared)
        {
            refusals.Add(new Refusal(ProcurementRules.NothingToAccept));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        evaluator!.AcceptDeclaration(actorUserId, now);
        return Changed(cycle, now);
    }

    private void CheckCriteria(List<Refusal> refusals, IReadOnlyList<Guid> criterionIds)
    {
        if (criterionIds.Any(id => FindCriterion(id) is null))
        {
            refusals.Add(new Refusal(ProcurementRules.CriterionNotInProcurement));
        }
    }
}
