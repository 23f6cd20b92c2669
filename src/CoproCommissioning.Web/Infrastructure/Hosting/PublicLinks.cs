using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Hosting;

/// <summary>
/// Absolute links for emails, on the configured public address. A link built from the request would follow a
/// forged Host header and mail a real password-reset or invitation token to someone else's site.
/// </summary>
public sealed class PublicLinks(LinkGenerator links, IOptions<PublicAddressOptions> options)
{
    private readonly string _base = PublicAddressOptions.Parse(options.Value.PublicBaseUrl).ToString().TrimEnd('/');

    /// <summary>The absolute address of a page, e.g. <c>ToPage("/Account/ResetPassword", new { area = "Identity", code })</c>.</summary>
    public string ToPage(string page, object values)
    {
        var path = links.GetPathByPage(page, handler: null, values: values, pathBase: PathString.Empty)
            ?? throw new InvalidOperationException($"No route to the page {page}.");
        return _base + path;
    }

    /// <summary>
    /// The absolute address of a path on this site. For work outside a served request (the <c>admin</c> command), where
    /// the pages' routes are not registered with the link generator because the web server never starts.
    /// </summary>
    public string ToPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path.StartsWith('/') ? _base + path : throw new ArgumentException("Give a path from the site's root, starting with /.", nameof(path));
    }
}
