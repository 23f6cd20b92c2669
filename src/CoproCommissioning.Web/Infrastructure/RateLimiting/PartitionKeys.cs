using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace CoproCommissioning.Web.Infrastructure.RateLimiting;

/// <summary>Who a limit counts against: the client posting, or the email address the post is about.</summary>
internal static class PartitionKeys
{
    /// <summary>
    /// The signed-in person; else the client's address (already the real client's when a forwarded-headers
    /// middleware runs first). IPv6 clients are counted by /64, the block one household or host is given.
    /// </summary>
    public static string Client(HttpContext context)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId)
        {
            return $"user:{userId}";
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "address:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return $"network:{new IPAddress(bytes)}/64";
        }

        return $"address:{address}";
    }

    /// <summary>
    /// The email address posted in <paramref name="field"/>, normalised as Identity does, hashed so the limiter
    /// holds neither personal data nor keys of an attacker's chosen size. Null when none was typed, or the form
    /// has not been read (the limiter cannot wait for it: <see cref="RateLimitingSetup.UseCoproRateLimiting"/> reads it first).
    /// </summary>
    public static string? Email(HttpContext context, string field)
    {
        var form = context.Features.Get<IFormFeature>()?.Form;
        var email = form?[field].FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToUpperInvariant())));
    }
}
