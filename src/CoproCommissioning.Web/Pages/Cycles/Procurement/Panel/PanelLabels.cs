using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Panel;

/// <summary>The evaluation panel's words: what each evaluator brings, and what was agreed about a declared interest.</summary>
public static class PanelLabels
{
    public static readonly EvaluatorRole[] Roles = [EvaluatorRole.Officer, EvaluatorRole.ClinicalAdviser, EvaluatorRole.LivedExperience];

    public static readonly ConflictAction[] Actions = [ConflictAction.Continue, ConflictAction.RestrictBids, ConflictAction.StepDown];

    public static string Of(EvaluatorRole role) => ProcurementLabels.Role(role);

    /// <summary>The role in a sentence: "as an officer", "as a lived-experience evaluator".</summary>
    public static string AsA(EvaluatorRole role) =>
        (role == EvaluatorRole.Officer ? "an " : "a ") + Of(role).ToLowerInvariant();

    public static string Describe(EvaluatorRole role) => role switch
    {
        EvaluatorRole.Officer => "A commissioner or the co-production champion of this cycle.",
        EvaluatorRole.ClinicalAdviser => "The cycle's clinical adviser, who judges whether the care offered is safe and effective.",
        EvaluatorRole.LivedExperience => "A panel member invited to evaluate. They score only after their evaluator training is recorded.",
        _ => "",
    };

    /// <summary>What was agreed, as the evaluator reads it about themselves.</summary>
    public static string Of(ConflictAction action) => action switch
    {
        ConflictAction.Continue => "Carry on evaluating every bid",
        ConflictAction.RestrictBids => "Do not read or score the bids of certain providers",
        ConflictAction.StepDown => "Step down from the panel",
        _ => action.ToString(),
    };

    public static string Describe(ConflictAction action) => action switch
    {
        ConflictAction.Continue => "The interest is small enough that it will not affect how you score.",
        ConflictAction.RestrictBids => "Choose the providers below. Their bids will be closed to you.",
        ConflictAction.StepDown => "You will not read or score any bid.",
        _ => "",
    };

    /// <summary>"Scored, 20%" or "Pass or fail": how a criterion counts, beside its name.</summary>
    public static string HowItCounts(EvaluationCriterion criterion) =>
        criterion.Kind == CriterionKind.Scored ? $"Scored, {criterion.Weight}% of the total" : "Pass or fail";
}

/// <summary>A provider organisation that is a member of the cycle: its bid may be one an evaluator steps back from.</summary>
public sealed record ProviderOrganisation(Guid Id, string Name)
{
    public static async Task<IReadOnlyList<ProviderOrganisation>> LoadAsync(CoproDbContext db, Guid cycleId, CancellationToken ct)
    {
        var rows = await (
                from m in db.Memberships.AsNoTracking()
                where m.CycleId == cycleId && m.Role == CycleRole.Provider && m.OrganisationId != null
                join o in db.Organisations.AsNoTracking() on m.OrganisationId equals o.Id
                select new { o.Id, o.Name })
            .Distinct()
            .ToListAsync(ct);
        return [.. rows.OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => new ProviderOrganisation(o.Id, o.Name))];
    }

    /// <summary>The names of <paramref name="ids"/>, for a declaration; an organisation that has left the cycle keeps a plain description.</summary>
    public static string NamesOf(IReadOnlyList<ProviderOrganisation> organisations, IEnumerable<Guid> ids) =>
        string.Join(", ", ids.Select(id => organisations.FirstOrDefault(o => o.Id == id)?.Name ?? "a provider no longer in this cycle"));
}
