using Microsoft.Extensions.Options;
using MimeKit;

namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>The folder of .eml files that stands in for a mail server, and what the Sent emails page reads.</summary>
public sealed class PickupFolder(IOptions<EmailOptions> options, IWebHostEnvironment environment)
{
    public bool IsInUse => options.Value.Delivery == EmailDelivery.Pickup;

    public string Path => System.IO.Path.GetFullPath(options.Value.PickupFolder, environment.ContentRootPath);

    public async Task<string> WriteAsync(MimeMessage message)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file);
        return file;
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SentEmail> List(int skip, int take) =>
        !Directory.Exists(Path)
            ? []
            : [.. Directory.EnumerateFiles(Path, "*.eml").OrderDescending().Skip(skip).Take(take).Select(Read)];

    public int Count() => Directory.Exists(Path) ? Directory.EnumerateFiles(Path, "*.eml").Count() : 0;

    public SentEmail? Find(string id)
    {
        // Ids are our own file names; anything else (a path, "..") is not one of them.
        if (id.Contains('/') || id.Contains('\\') || id.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var file = System.IO.Path.Combine(Path, id + ".eml");
        return File.Exists(file) ? Read(file) : null;
    }

    private static SentEmail Read(string file)
    {
        using var stream = File.OpenRead(file);
        var message = MimeMessage.Load(stream);
        return new SentEmail(System.IO.Path.GetFileNameWithoutExtension(file), message.Date, string.Join(", ", message.To),
            message.Subject ?? "", message.HtmlBody ?? message.TextBody ?? "");
    }
}

public sealed record SentEmail(string Id, DateTimeOffset Date, string To, string Subject, string HtmlBody);
