using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Domain.Tests.Organisations;

public sealed class OdsCodeTests
{
    [Theory]
    [InlineData("QWE")]
    [InlineData("RXH")]
    [InlineData("15N")]
    [InlineData("A81001")]
    [InlineData("RXH01")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Three_to_six_capital_letters_and_digits_or_nothing_are_accepted(string? code) =>
        Assert.Empty(AnOrganisation.New().WithOdsCode(code).TryCreate().Refusals);

    [Theory]
    [InlineData("RX")]
    [InlineData("A810012")]
    [InlineData("RX-H")]
    [InlineData("RX H")]
    [InlineData("RXÉ")]
    public void Anything_else_is_refused_beside_the_code_with_how_to_fix_it(string code)
    {
        var refusal = Assert.Single(AnOrganisation.New().WithOdsCode(code).TryCreate().Refusals);

        Assert.Equal(OrganisationRules.OdsCodeInvalid, refusal.Rule);
        Assert.Equal(nameof(Organisation.OdsCode), refusal.Field);
        Assert.Contains("RXH", refusal.Rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_typed_in_lower_case_or_with_spaces_around_it_is_kept_in_capitals()
    {
        var organisation = AnOrganisation.New().WithOdsCode("  rxh ").Build();

        Assert.Equal("RXH", organisation.OdsCode);
    }

    [Fact]
    public void No_code_is_kept_as_none()
    {
        var organisation = AnOrganisation.New().WithOdsCode(" ").Build();

        Assert.Null(organisation.OdsCode);
    }
}
