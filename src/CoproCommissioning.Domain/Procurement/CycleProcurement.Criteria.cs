namespace CoproCommissioning.Domain.Procurement;

// The evaluation criteria and the scoring scale: written with the panel before bidding opens, fixed after.
public sealed partial class CycleProcurement
{
    /// <summary>
    /// The Provider Selection Regime's key criteria and the co-production criterion, weighted to 100%, for a procurement
    /// with no criteria yet: a starting point the commissioner and the panel rewrite.
    /// </summary>
    public static IReadOnlyList<CriterionDraft> StartingSet { get; } =
    [
        new("Quality and innovation", "How the service will be safe, effective and a good experience for the people who use it, and what it will do that is new.", CriterionKind.Scored, 30, KeyCriterion.QualityAndInnovation),
        new("Value", "What the service will achieve for its cost, and how the cost is made up.", CriterionKind.Scored, 15, KeyCriterion.Value),
        new("Integration, collaboration and service sustainability", "How the provider will work with other services so people do not fall between them, and keep the service going.", CriterionKind.Scored, 15, KeyCriterion.IntegrationCollaborationSustainability),
        new("Improving access, reducing health inequalities and facilitating choice", "How people who find it hardest to get help will reach the service, and the choices they will have.", CriterionKind.Scored, 15, KeyCriterion.AccessInequalitiesAndChoice),
        new("Social value", "What the provider will add for the local community, for example jobs for people with lived experience.", CriterionKind.Scored, 10, KeyCriterion.SocialValue),
        new("Keeping people involved in the service", "How the provider will keep designing and reviewing the service with the people who use it and their carers, and pay them for their time.", CriterionKind.Scored, 15, null, IsCoProduction: true),
    ];

    public DomainOutcome<EvaluationCriterion> AddCriterion(
        CommissioningCycle cycle, CriterionDraft draft, CriterionCitations citations, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckCriteriaChange(cycle, draft, citations, actorUserId, actorRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<EvaluationCriterion>(refusals);
        }

        var criterion = new EvaluationCriterion(_criteria.Count == 0 ? 1 : _criteria.Max(c => c.Position) + 1, draft);
        _criteria.Add(criterion);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(criterion) : DomainOutcome.Refused<EvaluationCriterion>(changed.Refusals);
    }

    /// <summary>Adds <see cref="StartingSet"/> when there are no criteria yet; with criteria already written it changes nothing.</summary>
    public DomainOutcome AddStartingSet(CommissioningCycle cycle, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (IsBiddingOpen)
        {
            refusals.Add(new Refusal(ProcurementRules.CriteriaLocked));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        if (_criteria.Count > 0)
        {
            return DomainOutcome.Success();
        }

        var position = 0;
        _criteria.AddRange(StartingSet.Select(draft => new EvaluationCriterion(++position, draft)));
        return Changed(cycle, now);
    }

    public DomainOutcome ChangeCriterion(
        CommissioningCycle cycle, Guid criterionId, CriterionDraft draft, CriterionCitations citations, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var criterion = FindCriterion(criterionId) ?? throw new ArgumentException($"No criterion {criterionId} in this procurement.", nameof(criterionId));
        var refusals = CheckCriteriaChange(cycle, draft, citations, actorUserId, actorRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        criterion.Apply(draft);
        return Changed(cycle, now);
    }

    public DomainOutcome RemoveCriterion(CommissioningCycle cycle, Guid criterionId, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var criterion = FindCriterion(criterionId) ?? throw new ArgumentException($"No criterion {criterionId} in this procurement.", nameof(criterionId));
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (IsBiddingOpen)
        {
            refusals.Add(new Refusal(ProcurementRules.CriteriaLocked));
        }

        if (_evaluators.Any(e => e.CriterionIds.Contains(criterionId)))
        {
            refusals.Add(new Refusal(ProcurementRules.CriterionHasEvaluators, criterionId));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        _criteria.Remove(criterion);
        return Changed(cycle, now);
    }

    /// <summary>The descriptions of scores 0, 1, 2 … in order; the number of descriptions sets the top score.</summary>
    public DomainOutcome SetScale(CommissioningCycle cycle, IReadOnlyList<string?> descriptions, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (IsBiddingOpen)
        {
            refusals.Add(new Refusal(ProcurementRules.CriteriaLocked));
        }

        if (descriptions.Count < 2)
        {
            refusals.Add(new Refusal(ProcurementRules.ScaleTooShort));
        }
        else if (descriptions.Count > MostScoreLevels)
        {
            refusals.Add(new Refusal(ProcurementRules.ScaleTooLong));
        }

        for (var score = 0; score < descriptions.Count; score++)
        {
            var clean = TextInput.Clean(descriptions[score]);
            if (clean.Length == 0)
            {
                refusals.Add(new Refusal(ProcurementRules.ScoreDescriptionRequired, Field: $"Levels[{score}]"));
            }
            else if (clean.Length > ScoreLevel.DescriptionMaxLength)
            {
                refusals.Add(new Refusal(ProcurementRules.ScoreDescriptionTooLong, Field: $"Levels[{score}]"));
            }
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        _scale = [.. descriptions.Select((d, score) => new ScoreLevel(score, TextInput.Clean(d)))];
        return Changed(cycle, now);
    }

    private List<Refusal> CheckCriteriaChange(
        CommissioningCycle cycle, CriterionDraft draft, CriterionCitations citations, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(citations);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (IsBiddingOpen)
        {
            refusals.Add(new Refusal(ProcurementRules.CriteriaLocked));
        }

        TextInput.Check(refusals, draft.Name, EvaluationCriterion.NameMaxLength, ProcurementRules.CriterionNameRequired, ProcurementRules.CriterionNameTooLong);
        TextInput.Check(refusals, draft.Description, EvaluationCriterion.DescriptionMaxLength,
            ProcurementRules.CriterionDescriptionRequired, ProcurementRules.CriterionDescriptionTooLong);
        if (ChoiceInput.Check(refusals, draft.Kind, ProcurementRules.CriterionKindRequired))
        {
            if (draft.Kind == CriterionKind.Scored && draft.Weight is not (>= 1 and <= 100))
            {
                refusals.Add(new Refusal(ProcurementRules.WeightRequired));
            }

            if (draft.Kind == CriterionKind.PassFail && draft.IsCoProduction)
            {
                refusals.Add(new Refusal(ProcurementRules.CoProductionCriterionScored));
            }
        }

        if (draft.KeyCriterion is { } key)
        {
            Guard.Defined(key);
        }

        if ((draft.SectionIds ?? []).Any(id => !citations.Sections.Contains(id)))
        {
            refusals.Add(new Refusal(ProcurementRules.SectionNotInSpecification));
        }

        if ((draft.ShapedBy ?? []).Any(id => !citations.Contributions.Contains(id)))
        {
            refusals.Add(new Refusal(ProcurementRules.ContributionNotInCycle));
        }

        return refusals;
    }
}
