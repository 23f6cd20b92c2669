using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Tests.Authorization;

/// <summary>
/// The monitoring pages in the matrix: a second cycle of the same members with a contract, a submitted return and a panel
/// member's ratings, which give the real children (a reporting period, a return, a set of ratings) that a member of both
/// cycles puts under the first cycle's address.
/// </summary>
public static class MonitoringMatrix
{
    /// <summary>How <see cref="CycleSecrets.RealChildIdsAsync"/> finds one real id of each kind of monitoring child.</summary>
    public static readonly IReadOnlyDictionary<string, string> ChildIdQueries = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["periodId"] = "select x.id from monitoring_periods x join monitoring_contracts m on m.id = x.monitoring_id where m.cycle_id = any(@cycles)",
        ["returnId"] = "select x.id from monitoring_returns x where x.cycle_id = any(@cycles)",
        ["ratingId"] = "select x.id from monitoring_panel_ratings x where x.cycle_id = any(@cycles)",
    };

    public static async Task PlantAsync(DatabaseFixture fixture)
    {
        var people = await CycleTestData.LoadPeopleAsync(fixture);
        var monitored = await TestMonitoring.ContractedAsync(fixture, people);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, people.Provider, people.ProviderOrganisation);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, people.Panel, RatingLevel.Good);
    }
}
