using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoproCommissioning.Data.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace CoproCommissioning.Web.Infrastructure.Notifications;

/// <summary>What an unsubscribe link asks: stop emailing this person about these kinds of event.</summary>
public sealed record UnsubscribeRequest(string UserId, IReadOnlyList<NotificationKind> Kinds);

/// <summary>
/// The signed part of a one-click unsubscribe link (RFC 8058). Signed with the app's Data Protection keys (shared by every
/// instance through the database) under a purpose of its own, so no other token of the app can be replayed as one and a
/// changed token is refused. It never expires: mail clients keep the header as long as they keep the email.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly IDataProtector _protector = dataProtection.CreateProtector("CoproCommissioning.Notifications.Unsubscribe.v1");

    public string For(string userId, IEnumerable<NotificationKind> kinds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var payload = new Payload(userId, [.. kinds.Distinct().Order()]);
        return _protector.Protect(JsonSerializer.Serialize(payload, Json));
    }

    /// <summary>The request the token carries, or null when it was changed, made with other keys, or is not a token at all.</summary>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token), Json);
            return payload is { UserId: { Length: > 0 } userId, Kinds: { Count: > 0 } kinds } && kinds.All(Enum.IsDefined)
                ? new UnsubscribeRequest(userId, kinds)
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(string UserId, List<NotificationKind> Kinds);
}
