using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>
/// Identity's <see cref="IEmailSender"/> (password resets) and ours (invitations), through MailKit:
/// over SMTP in production, into a pickup folder where there is no mail server.
/// </summary>
public sealed class MailKitEmailSender(IOptions<EmailOptions> options, PickupFolder pickup, ILogger<MailKitEmailSender> logger)
    : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlMessage }.ToMessageBody();

        if (settings.Delivery == EmailDelivery.Pickup)
        {
            var path = await pickup.WriteAsync(message);
            logger.LogInformation("Email {MessageId} written to the pickup folder as {File}", message.MessageId, Path.GetFileName(path));
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort,
            settings.SmtpUseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await smtp.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword);
        }

        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(quit: true);
        logger.LogInformation("Email {MessageId} sent by SMTP", message.MessageId);
    }
}
