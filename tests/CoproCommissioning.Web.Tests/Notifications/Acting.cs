using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Notifications;

/// <summary>
/// A context from the app's services whose saves are made by the given person, as a signed-in request's are:
/// the audit actor (who nobody notifies about their own action) reads the request's user.
/// </summary>
public static class Acting
{
    public static DatabaseFixture.DbScope As(this DatabaseFixture fixture, string? userId)
    {
        var scope = fixture.Db();
        if (userId is not null)
        {
            scope.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Test")),
            };
        }

        return scope;
    }
}
