namespace CoproCommissioning.Web.Infrastructure.Hosting;

/// <summary>The "App" settings section: where people reach the app, and which proxies stand in front of it.</summary>
public sealed class PublicAddressOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address people use to reach the app (scheme, host, optional port and path), e.g.
    /// <c>https://copro.example.nhs.uk</c>. Every link in an email is built from it, never from the request's Host
    /// header, which anyone can set; the host is also the only one the app answers to.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// Addresses of the reverse proxies (e.g. the TLS terminator) whose X-Forwarded-For and X-Forwarded-Proto
    /// headers are believed. Empty: only a proxy on the same machine (loopback).
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The base address, checked: absolute http(s), no query or fragment, without a trailing slash.</summary>
    public static Uri Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                "App:PublicBaseUrl is not set: set App__PublicBaseUrl to the address people use to reach the app, " +
                "e.g. https://copro.example.nhs.uk (links in emails are built from it).");
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException(
                $"App:PublicBaseUrl '{value}' is not an http or https address without a query, like https://copro.example.nhs.uk.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }
}
