using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Web.Tests.Authorization;

public sealed partial class AuthorizationMatrixTests
{
    /// <summary>
    /// The list of logged input and its "you said, we did" sheets are walked by every test above, as pages for those who
    /// log input on people's behalf; which of them a person may read within that is LoggedInputPagesTests'.
    /// </summary>
    [Theory]
    [InlineData("cycles/{cycleId:guid}/logged-input")]
    [InlineData("cycles/{cycleId:guid}/stages/{stage}/you-said-we-did")]
    [InlineData("cycles/{cycleId:guid}/stages/{stage}/contributions/{contributionId:guid}/you-said-we-did")]
    public void The_logged_input_pages_are_in_the_matrix_for_those_who_log_input(string route)
    {
        var page = Assert.Single(fixture.Pages, p => p.Route == route);

        Assert.True(page.IsCyclePage);
        Assert.Equal(CycleOperation.LogOnBehalf, page.CyclePermission!.Operation);
        Assert.Empty(page.PostHandlers);
    }
}
