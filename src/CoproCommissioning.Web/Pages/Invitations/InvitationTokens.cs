using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CoproCommissioning.Web.Pages.Invitations;

/// <summary>
/// The token travels only in the emailed link; the database keeps its SHA-256 hash, so a copy of the
/// database can't be used to join a cycle.
/// </summary>
public static class InvitationTokens
{
    public static (string Token, string Hash) Create()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
