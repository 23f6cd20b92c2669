using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

namespace CoproCommissioning.Web.Tests.Authorization;

/// <summary>
/// The monitoring pages in the matrix: a third cycle of the same members with its contract made, a return, the panel's
/// rating and a review, whose review a member of both cycles puts under the first cycle's address.
/// </summary>
public static class MonitoringMatrix
{
    public static async Task PlantAsync(DatabaseFixture fixture)
    {
        var people = await CycleTestData.LoadPeopleAsync(fixture);
        var monitored = await TestMonitoring.ContractedAsync(fixture, people);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, people.Provider, people.ProviderOrganisation, RatingLevel.Outstanding);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, people.Panel, RatingLevel.Fair);
        await ReviewArrangement.ReviewedAsync(fixture, monitored, people, 1);
    }
}
