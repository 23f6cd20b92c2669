using CoproCommissioning.Web.Infrastructure.Logging;

namespace CoproCommissioning.Web.Tests.Security;

public sealed class SecretRedactingEnricherTests
{
    [Theory]
    [InlineData("Sending to robin.test+copro@nhs.example.org now", "Sending to {email} now")]
    [InlineData("/Identity/Account/Login?ReturnUrl=%2Finvitations%2FK_Mwsuo-F6V", "/Identity/Account/Login?{query}")]
    [InlineData("returnUrl is /invitations/K_Mwsuo-F6V?handler=Accept", "returnUrl is /invitations/{token}?{query}")]
    [InlineData("with value 'invitations/K_Mwsuo-F6V' for", "with value 'invitations/{token}' for")]
    [InlineData("address (area=[Identity],code=[Q2ZESjhNZEhz],page=[/Account/ResetPassword])", "address (area=[Identity],code=[{secret}],page=[/Account/ResetPassword])")]
    [InlineData("person%40example.org", "{email}")]
    [InlineData("HTTP GET /invitations/{token} responded 200", "HTTP GET /invitations/{token} responded 200")]
    [InlineData("Stage CoDesign of cycle 3f1de08 signed off; StatusCode=302", "Stage CoDesign of cycle 3f1de08 signed off; StatusCode=302")]
    public void Masks_addresses_queries_and_tokens_and_leaves_other_text_alone(string logged, string expected) =>
        Assert.Equal(expected, SecretRedactingEnricher.Redact(logged, []));

    [Fact]
    public void Masks_the_current_requests_secret_values_wherever_they_appear() =>
        Assert.Equal("Executing handler OnGetAsync with arguments ({secret}, System.Threading.CancellationToken)",
            SecretRedactingEnricher.Redact("Executing handler OnGetAsync with arguments (K_MwsuofF6V-HcKNE-ni9njkRyi1b, System.Threading.CancellationToken)",
                ["K_MwsuofF6V-HcKNE-ni9njkRyi1b"]));
}
