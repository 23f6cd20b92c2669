using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace CoproCommissioning.Web.Infrastructure.Logging;

/// <summary>
/// Keeps invitation tokens, password reset codes and email addresses out of every log event (decision 0009).
/// It runs last, on every event whatever its level or source, rather than relying on level overrides: a
/// setting can lower a level (Serilog__MinimumLevel__Override__…), and the framework puts the raw path and
/// query string into many events (hosting's "Request starting", every event's RequestPath scope, handler
/// arguments at Verbose), so only a step that sees them all can keep the rule.
/// </summary>
public sealed partial class SecretRedactingEnricher(IHttpContextAccessor http) : ILogEventEnricher
{
    /// <summary>Route and query values that are secrets: the invitation token and Identity's reset code.</summary>
    private static readonly string[] SecretParameters = ["token", "code"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var secrets = SecretsOfTheCurrentRequest();
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var redacted = Redact(value, secrets);
            if (!ReferenceEquals(redacted, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    /// <summary>
    /// For the filter that drops an event whose template itself holds a secret (someone logged an interpolated
    /// string): a template can't be rewritten, and losing that event is better than leaking.
    /// </summary>
    public bool TemplateHasSecret(LogEvent logEvent)
    {
        var text = logEvent.MessageTemplate.Text;
        return Redact(text, SecretsOfTheCurrentRequest()) != text;
    }

    public static string Redact(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "{secret}", StringComparison.Ordinal);
        }

        text = QueryString().Replace(text, "?{query}");
        text = NamedSecret().Replace(text, "{secret}");
        text = InvitationToken().Replace(text, "{token}");
        return EmailAddress().Replace(text, "{email}");
    }

    private static LogEventPropertyValue Redact(LogEventPropertyValue value, IReadOnlyCollection<string> secrets)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var redacted = Redact(text, secrets);
                return redacted == text ? value : new ScalarValue(redacted);
            case ScalarValue { Value: { } other } when other is not IConvertible:
                // A Uri, a PathString or another object a sink will print with ToString().
                var shown = other.ToString() ?? "";
                var redactedShown = Redact(shown, secrets);
                return redactedShown == shown ? value : new ScalarValue(redactedShown);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(e => Redact(e, secrets)).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => (Property: p, Value: Redact(p.Value, secrets))).ToList();
                return properties.All(p => ReferenceEquals(p.Value, p.Property.Value))
                    ? value
                    : new StructureValue(properties.Select(p => new LogEventProperty(p.Property.Name, p.Value)), structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements
                    .Select(e => (Key: (ScalarValue)Redact(e.Key, secrets), Value: Redact(e.Value, secrets))).ToList();
                return entries.Zip(dictionary.Elements).All(e => ReferenceEquals(e.First.Key, e.Second.Key) && ReferenceEquals(e.First.Value, e.Second.Value))
                    ? value
                    : new DictionaryValue(entries.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, e.Value)));
            default:
                return value;
        }
    }

    private List<string> SecretsOfTheCurrentRequest()
    {
        try
        {
            return SecretsOf(http.HttpContext?.Request);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // An event logged after its request ended: the patterns still apply.
            return [];
        }
    }

    private static List<string> SecretsOf(HttpRequest? request)
    {
        if (request is null)
        {
            return [];
        }

        List<string> secrets = [];
        foreach (var name in SecretParameters)
        {
            if (request.RouteValues.TryGetValue(name, out var routeValue) && routeValue is string fromRoute)
            {
                secrets.Add(fromRoute);
            }

            secrets.AddRange(request.Query[name].OfType<string>());
        }

        // Short values can't be real tokens, and masking them would mangle ordinary words.
        return [.. secrets.Where(s => s.Length >= 16).Distinct()];
    }

    /// <summary>A query string: "?name=value…", up to the next space or quote. It may hold a code or an address.</summary>
    [GeneratedRegex("""\?[\w.~%-]+=[^\s"'<>]*""")]
    private static partial Regex QueryString();

    /// <summary>
    /// A token or code as a named value wherever it is written out: "token=…" in a query, "code=[…]" in the
    /// route values the link generator logs while it builds the links we email.
    /// </summary>
    [GeneratedRegex("""(?<=\b(?:token|code)=\[?)[^\[\]\s"'<>(),;&]+""", RegexOptions.IgnoreCase)]
    private static partial Regex NamedSecret();

    /// <summary>
    /// The token in an invitation link's path (Pages/Invitations/Accept: /invitations/{token}), also URL-encoded
    /// inside a returnUrl, or without the first slash as the route matcher logs it. Logged before routing too,
    /// when the route values above aren't known yet.
    /// </summary>
    [GeneratedRegex("""(?<=invitations(?:/|%2F))[^/?#\s"'<>(),;&%]+""", RegexOptions.IgnoreCase)]
    private static partial Regex InvitationToken();

    [GeneratedRegex("""[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+""", RegexOptions.IgnoreCase)]
    private static partial Regex EmailAddress();
}
