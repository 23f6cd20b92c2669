using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproCommissioning.Web.Testing;

/// <summary>
/// Drives the app the way a browser does: keeps cookies, reads the form's antiforgery token from the
/// page it just fetched, posts the form, and lets the test look at the redirect and the next page.
/// </summary>
public sealed class BrowserLikeClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static BrowserLikeClient For(AppFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>For an app made from a test class's <see cref="AppFactory"/> with other settings (WithWebHostBuilder, WithClock).</summary>
    public static BrowserLikeClient For(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the real sign-in form, as a person would.</summary>
    public async Task SignInAsync(string email, string password, CancellationToken ct = default)
    {
        var posted = await SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, "form#account", ct);
        if (posted.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({(int)posted.Status}).");
        }
    }

    public async Task<Page> GetAsync(string url, CancellationToken ct = default)
    {
        using var response = await Http.GetAsync(url, ct);
        return await Page.ReadAsync(response, ct);
    }

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, fills the form (the first one, or the one whose submit
    /// button or action matches <paramref name="formSelector"/>) with the given fields plus its
    /// hidden inputs and antiforgery token, and POSTs it without following the redirect.
    /// </summary>
    public async Task<Page> SubmitAsync(string pageUrl, IReadOnlyDictionary<string, string> fields,
        string formSelector = "main form", CancellationToken ct = default)
    {
        var page = await GetAsync(pageUrl, ct);
        if (page.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} returned {(int)page.Status}, not the form.");
        }

        return await SubmitOnAsync(page, fields, formSelector, ct);
    }

    /// <summary>
    /// Submits a form on a page already shown (such as the one a POST returned), as a person pressing its button would:
    /// the given fields plus its hidden inputs, to its action or, without one, to the address the page came from
    /// (query string included, as a browser does).
    /// </summary>
    public async Task<Page> SubmitOnAsync(Page page, IReadOnlyDictionary<string, string> fields,
        string formSelector = "main form", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matching '{formSelector}' on {page.Url}.");
        return await PostAsync(ResolveAction(page.Url, form), FieldsOf(form, fields), ct);
    }

    /// <summary>POSTs exactly these fields (a hand-crafted request), with a token taken from <paramref name="tokenFromUrl"/>.</summary>
    public async Task<Page> PostCraftedAsync(string url, IReadOnlyDictionary<string, string> fields, string tokenFromUrl,
        CancellationToken ct = default)
    {
        var page = await GetAsync(tokenFromUrl, ct);
        var token = page.Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenFromUrl}.");
        return await PostAsync(url, [.. fields, new("__RequestVerificationToken", token)], ct);
    }

    public async Task<Page> FollowRedirectAsync(Page page, CancellationToken ct = default)
    {
        var location = page.Location ?? throw new InvalidOperationException($"Expected a redirect, got {(int)page.Status}.");
        return await GetAsync(location, ct);
    }

    private async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await Http.PostAsync(url, content, ct);
        return await Page.ReadAsync(response, ct);
    }

    private static string ResolveAction(string pageUrl, IHtmlFormElement form)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : action;
    }

    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form, IReadOnlyDictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            if (!fields.ContainsKey(hidden.Name ?? ""))
            {
                values.Add(new(hidden.Name ?? "", hidden.Value));
            }
        }

        values.AddRange(fields);
        return values;
    }

    public sealed record Page(HttpStatusCode Status, string? Location, string Html, IDocument Document,
        IReadOnlyDictionary<string, string> Headers)
    {
        /// <summary>The path and query this page was requested at.</summary>
        public string Url { get; init; } = "/";

        public string Text => Document.Body?.TextContent ?? "";

        public static async Task<Page> ReadAsync(HttpResponseMessage response, CancellationToken ct)
        {
            var html = await response.Content.ReadAsStringAsync(ct);
            var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), ct);
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            return new Page(response.StatusCode, response.Headers.Location?.OriginalString, html, document, headers)
            {
                Url = response.RequestMessage?.RequestUri?.PathAndQuery ?? "/",
            };
        }
    }
}
