using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Inequalities;

/// <summary>A group affected by an inequality as the add and change pages show it; the domain judges every answer.</summary>
public sealed record InequalityForm : StageContentForm
{
    public AffectedGroup? Group { get; init; }

    public string Description { get; init; } = "";

    public string Inequality { get; init; } = "";
}

/// <summary>What adding and changing an inequality group share.</summary>
public abstract class InequalityFormPageModel(CoproDbContext db, TimeProvider clock)
    : StageContentFormPageModel<InequalityGroup, InequalityForm>(StageKind.NeedsAssessment, db, clock)
{
    protected override string ItemWords => "this group";

    protected override InequalityForm ToForm(InequalityGroup item) =>
        new() { Group = item.Group, Description = item.Description, Inequality = item.Inequality, Version = item.Version };
}
