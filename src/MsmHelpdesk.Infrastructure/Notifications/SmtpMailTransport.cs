using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using MsmHelpdesk.Application.Common.Notifications;

namespace MsmHelpdesk.Infrastructure.Notifications;

/// <summary>The SMTP settings (section "Smtp"); no host means notifications stay in the app.</summary>
public sealed record SmtpSettings(string? Host, int Port, string? UserName, string? Password, string From, bool UseTls, string? PublicBaseUrl)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings Read(IConfiguration configuration) => new(
        configuration[ConfigKeys.SmtpHost],
        int.TryParse(configuration[ConfigKeys.SmtpPort], out var port) ? port : 587,
        configuration[ConfigKeys.SmtpUserName],
        configuration[ConfigKeys.SmtpPassword],
        configuration[ConfigKeys.SmtpFrom] is { Length: > 0 } from ? from : "helpdesk@localhost",
        !bool.TryParse(configuration[ConfigKeys.SmtpUseTls], out var tls) || tls,
        configuration[ConfigKeys.PublicBaseUrl]);
}

/// <summary>MailKit over SMTP: one connection per mail, which is plenty for a helpdesk's volume and survives a server restart.</summary>
public sealed class SmtpMailTransport(SmtpSettings settings) : IMailTransport
{
    public bool IsConfigured => settings.IsConfigured;

    public string? PublicBaseUrl => settings.PublicBaseUrl;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("SMTP is not configured.");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        // UseTls: STARTTLS where offered (implicit TLS on port 465); off only for a local relay.
        var security = !settings.UseTls ? SecureSocketOptions.None : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
