namespace CoproCommissioning.Web.Tests.Security;

public sealed class DemoConveniencesTests(ProductionFixture fixture) : IClassFixture<ProductionFixture>
{
    [Theory]
    [InlineData("DemoData:Seed", "true", "DemoData:Seed is on")]
    [InlineData("Email:Delivery", "Pickup", "Email:Delivery is Pickup")]
    public void A_live_environment_refuses_to_start_with_a_demo_shortcut(string setting, string value, string message)
    {
        using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting(setting, value));

        var failure = Record.Exception(() => factory.Services);

        Assert.NotNull(failure);
        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_environment_without_demo_shortcuts_starts()
    {
        Assert.NotNull(fixture.Factory.Services);
    }
}
