namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>
/// A page under <c>/cycles/{cycleId}/stages/{stage}</c>: also reads the stage's slug from the address, and answers
/// 404 for a stage that does not exist.
/// </summary>
public abstract class StagePageModel : CycleStagePageModel
{
    protected override bool TryReadStage()
    {
        if (!StageNames.TryParseSlug(RouteData.Values["stage"] as string, out var stage))
        {
            return false;
        }

        Stage = stage;
        return true;
    }
}
