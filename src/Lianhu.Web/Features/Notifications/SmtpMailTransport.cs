using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Sends one plain-text mail over SMTP with MailKit (ADR 0026; <c>System.Net.Mail.SmtpClient</c> is
/// obsolete for new code). Returns null on success, or a short error code — the SMTP status or the
/// exception type, never a message text, which can echo addresses back.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options, ILogger<SmtpMailTransport> log)
{
    public const string IdHeader = "X-Lianhu-Notification-Id";

    public async Task<string?> SendAsync(string to, MailComposer.Mail mail, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = mail.Subject;
        message.Headers.Add(IdHeader, id.ToString());
        var body = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.Base64 };
        body.SetText("utf-8", mail.Body);
        message.Body = body;

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(o.TimeoutSeconds).TotalMilliseconds };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
            // EnableSsl means STARTTLS, as it did with System.Net.Mail; otherwise plain SMTP.
            await client.ConnectAsync(o.Host, o.Port, o.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, timeout.Token);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? string.Empty, timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return null;
        }
        catch (SmtpCommandException ex)
        {
            log.LogInformation("Mail {MailId} not sent ({Status}); will retry.", id, ex.StatusCode);
            return "smtp-" + ex.StatusCode;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested
            && ex is SmtpProtocolException or AuthenticationException or ServiceNotConnectedException or SslHandshakeException
                or IOException or SocketException or OperationCanceledException)
        {
            log.LogInformation("Mail {MailId} not sent ({Error}); will retry.", id, ex.GetType().Name);
            return ex.GetType().Name;
        }
    }
}
