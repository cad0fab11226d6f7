using System.Globalization;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Localization;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Renders a notification mail from ids alone: what happened (by kind), the case number, the ids
/// and a link to sign in. Never case content, names, phones or addresses — a mail may be read by
/// anyone with access to a shared duty mailbox, and a leaked address can cost a life.
/// </summary>
public static class MailComposer
{
    public sealed record Mail(string Subject, string Body);

    public static Mail Compose(OutboxMail mail, string caseNumber, MailOptions options)
    {
        var strings = JsonStringLocalizer.Table(options.Culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : JsonStringLocalizer.DefaultCulture);
        string T(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, strings[key], args);

        var what = strings.TryGetValue("mail.kind." + mail.Kind, out var kindText) ? kindText : mail.Kind;
        var path = mail.Kind.StartsWith("task.", StringComparison.Ordinal) || mail.Kind.StartsWith("conference.", StringComparison.Ordinal)
            ? "inbox"
            : $"cases/{mail.CaseId}";
        var link = new Uri(new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/"), path);
        var body = string.Join("\r\n",
            what,
            string.Empty,
            T("mail.case-number", caseNumber),
            T("mail.case-id", mail.CaseId),
            T("mail.subject-id", mail.SubjectId),
            T("mail.notification-id", mail.Id),
            string.Empty,
            T("mail.link", link),
            string.Empty,
            T("mail.footer"));
        return new Mail(T("mail.subject", what, caseNumber), body);
    }
}
