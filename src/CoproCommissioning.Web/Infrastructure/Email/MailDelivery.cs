using CoproCommissioning.Data.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>
/// Hands one outbox message to MailKit: over SMTP in production, into the pickup folder where there is no mail server.
/// One delivery serves one pass of the worker, keeping its SMTP connection open between messages.
/// </summary>
public sealed class MailDelivery(IOptions<EmailOptions> email, IOptions<OutboxOptions> outbox, PickupFolder pickup) : IAsyncDisposable
{
    private SmtpClient? _smtp;

    /// <summary>The email as it goes out: From is ours; plain text and HTML as alternatives when both are written.</summary>
    public static MimeMessage ToMimeMessage(OutboxMessage message, EmailOptions settings)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        // The row's id: the same on every attempt, so a mail server can match a message with the row administrators
        // see, and a receiver can drop the copy of one sent again after a crash between sending and recording it.
        mime.MessageId = $"{message.Id:N}@{DomainOf(settings.FromAddress)}";
        foreach (var (name, value) in message.Headers)
        {
            mime.Headers.Add(name, value);
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    /// <summary>Delivers the message or throws; the caller records the failure.</summary>
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (email.Value.Delivery == EmailDelivery.Pickup)
        {
            await pickup.WriteAsync(message);
            return;
        }

        try
        {
            var smtp = await ConnectedAsync(ct);
            await smtp.SendAsync(message, ct);
        }
        catch
        {
            // After any failure the connection's state is unknown: the next message starts a fresh one.
            await CloseAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_smtp is { IsConnected: true })
        {
            return _smtp;
        }

        var settings = email.Value;
        _smtp?.Dispose();
        _smtp = new SmtpClient { Timeout = (int)outbox.Value.SmtpTimeout.TotalMilliseconds };
        await _smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort,
            settings.SmtpUseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await _smtp.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword, ct);
        }

        return _smtp;
    }

    private async Task CloseAsync()
    {
        if (_smtp is null)
        {
            return;
        }

        try
        {
            if (_smtp.IsConnected)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _smtp.DisconnectAsync(quit: true, quick.Token);
            }
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException
            or System.Net.Sockets.SocketException)
        {
            // Closing a connection that already broke: nothing left to tidy.
        }
        finally
        {
            _smtp.Dispose();
            _smtp = null;
        }
    }

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "copro-commissioning.invalid";
    }
}
