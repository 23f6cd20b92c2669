using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// When a session began and when its person last proved who they are, kept in the sign-in cookie's properties
/// (protected like the rest of the cookie). Every way of refreshing the cookie keeps its properties (RefreshSignInAsync,
/// the security stamp check, sliding expiration), so only a real sign-in or <see cref="RecentSignIn"/> moves them.
/// </summary>
public static class SignInTimes
{
    private const string SignedInKey = ".copro.signed-in";
    private const string ProvedKey = ".copro.proved";
    private static readonly object ProvedNowKey = new();

    public static DateTimeOffset? SignedInAt(AuthenticationProperties? properties) => Read(properties, SignedInKey);

    public static DateTimeOffset? ProvedAt(AuthenticationProperties? properties) => Read(properties, ProvedKey);

    /// <summary>The next sign-in cookie written in this request records that the person proved who they are just now.</summary>
    public static void MarkProvedNow(HttpContext http) => http.Items[ProvedNowKey] = true;

    /// <summary>
    /// For the cookie's OnSigningIn event. A sign-in starts with new properties, so no start time: both times
    /// are now. A refresh brings the cookie's own properties: the times stay, unless the person has just proved who they are.
    /// </summary>
    public static void Stamp(CookieSigningInContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (SignedInAt(context.Properties) is null)
        {
            Write(context.Properties, SignedInKey, now);
            Write(context.Properties, ProvedKey, now);
        }
        else if (context.HttpContext.Items.ContainsKey(ProvedNowKey))
        {
            Write(context.Properties, ProvedKey, now);
        }
    }

    private static DateTimeOffset? Read(AuthenticationProperties? properties, string key) =>
        properties?.Items.TryGetValue(key, out var text) == true
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    private static void Write(AuthenticationProperties properties, string key, DateTimeOffset at) =>
        properties.Items[key] = at.ToString("O", CultureInfo.InvariantCulture);
}
