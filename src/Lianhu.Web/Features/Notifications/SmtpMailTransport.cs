using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Sends one plain-text mail over SMTP with <see cref="SmtpClient"/> (MailKit does not restore here).
/// Returns null on success, or a short error code — the SMTP status or the exception type, never a
/// message text, which can echo addresses back.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options, ILogger<SmtpMailTransport> log)
{
    public const string IdHeader = "X-Lianhu-Notification-Id";

    public async Task<string?> SendAsync(string to, MailComposer.Mail mail, Guid id, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port)
        {
            EnableSsl = o.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)TimeSpan.FromSeconds(o.TimeoutSeconds).TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(o.UserName))
        {
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }

        using var message = new MailMessage(new MailAddress(o.From), new MailAddress(to))
        {
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        message.Headers.Add(IdHeader, id.ToString());
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
            await client.SendMailAsync(message, timeout.Token);
            return null;
        }
        catch (SmtpException ex)
        {
            log.LogInformation("Mail {MailId} not sent ({Status}); will retry.", id, ex.StatusCode);
            return "smtp-" + ex.StatusCode;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is IOException or SocketException or OperationCanceledException)
        {
            log.LogInformation("Mail {MailId} not sent ({Error}); will retry.", id, ex.GetType().Name);
            return ex.GetType().Name;
        }
    }
}
