using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Lianhu.Domain.Common;
using Lianhu.Web.Hosting;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// The case page's alarm forms: plain antiforgery-protected posts calling the same handlers as the API.
/// Enrolment answers with a page that shows the new link once — as text to copy and as a QR code for her
/// phone to scan — and is never shown again; the other forms return to the panel with
/// <c>?alarm=done</c> or the refusal's code. <c>GET …/alarm/panel</c> renders the panel alone for the live page.
/// </summary>
public static class AlarmForms
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/cases/{id:guid}/alarm").RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        forms.MapPost("/enrol", async (Guid id, HttpRequest http, EnrolAlarm.Handler handler, IStringLocalizer<AlarmPolicy> text) =>
        {
            var result = await Run(() => handler.HandleAsync(id, EnrolAlarm.BaseUrl(http), CancellationToken.None));
            return result.Value is { } enrolled ? LinkPage(id, enrolled, text) : Back(id, result.Code ?? "not-found");
        }).OnCase(CaseSteps.AlarmEnrolment);

        // The panel alone, for the live page to re-read when an alarm push arrives (the whole case page is too slow for two seconds).
        forms.MapGet("/panel", (Guid id) => new RazorComponentResult<Components.Pages.Cases.AlarmPanel>(new { CaseId = id }))
            .OnCase(CaseSteps.ReadAlarms);

        forms.MapPost("/revoke", async (Guid id, RevokeAlarm.Handler handler) =>
            Back(id, (await Run(() => handler.HandleAsync(id, CancellationToken.None))) is { Succeeded: true } ? "revoked" : "alarm.not-enrolled"))
            .OnCase(CaseSteps.AlarmEnrolment);

        forms.MapPost("/alerts/{alertId:guid}/acknowledge", async (Guid id, Guid alertId, RespondToAlert.Handler handler) =>
            Back(id, Code(await Run(() => handler.AcknowledgeAsync(id, alertId, CancellationToken.None)))))
            .OnCase(CaseSteps.AlarmResponse);

        forms.MapPost("/alerts/{alertId:guid}/outcome", async (Guid id, Guid alertId, IFormCollection form, RespondToAlert.Handler handler, IStringLocalizer<AlarmPolicy> text) =>
            Back(id, Code(await Run(() => handler.RecordOutcomeAsync(id, alertId, new RespondToAlert.OutcomeRequest(form["outcome"], form["note"]), text, CancellationToken.None)))))
            .OnCase(CaseSteps.AlarmResponse);
    }

    private static async Task<StepResult<T>> Run<T>(Func<Task<StepResult<T>>> step)
    {
        try
        {
            return await step();
        }
        catch (DomainRuleViolationException ex)
        {
            return StepResult<T>.From(StepResult.Conflict(ex.Code));
        }
    }

    private static string Code(StepResult result) => result.Succeeded ? "done" : result.Status == StepStatus.Invalid ? "alarm.invalid" : result.Code ?? "not-found";

    private static IResult Back(Guid caseId, string code) => Results.LocalRedirect($"/cases/{caseId}?alarm={Uri.EscapeDataString(code)}#alarm");

    /// <summary>The new link, once: to copy, or to scan from the caseworker's screen with her phone.</summary>
    private static IResult LinkPage(Guid caseId, EnrolAlarm.EnrolmentDto enrolled, IStringLocalizer text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(enrolled.Url, QRCodeGenerator.ECCLevel.M);
        var png = Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
        string E(string value) => AlarmPage.Encoder.Encode(value);
        var lang = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? "en" : "zh-CN";
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(text["alarm.link-title"].Value)}</title>")
            .Append("<link rel=\"stylesheet\" href=\"/lib/bootstrap/bootstrap.min.css\"><script src=\"/js/alarm-link.js\" defer></script></head>")
            .Append("<body><main class=\"container py-4\"><h1 class=\"h4\">")
            .Append(E(text["alarm.link-title"].Value)).Append("</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"alert alert-warning\">{E(text["alarm.link-once"].Value)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<img alt=\"{E(text["alarm.link-qr"].Value)}\" src=\"data:image/png;base64,{png}\" width=\"240\" height=\"240\" data-testid=\"alarm-qr\">")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"input-group my-3\"><input class=\"form-control\" readonly value=\"{E(enrolled.Url)}\" id=\"alarm-link\" data-testid=\"alarm-link\">")
            .Append(CultureInfo.InvariantCulture, $"<button type=\"button\" class=\"btn btn-outline-primary\" data-copy=\"alarm-link\">{E(text["alarm.link-copy"].Value)}</button></div>")
            .Append(CultureInfo.InvariantCulture, $"<ol class=\"small\"><li>{E(text["alarm.link-step-open"].Value)}</li><li>{E(text["alarm.link-step-pin"].Value)}</li><li>{E(text["alarm.link-step-install"].Value)}</li></ol>")
            .Append(CultureInfo.InvariantCulture, $"<a class=\"btn btn-primary\" href=\"/cases/{caseId}?alarm=enrolled#alarm\">{E(text["alarm.link-back"].Value)}</a>")
            .Append("</main></body></html>");
        return Results.Text(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }
}
