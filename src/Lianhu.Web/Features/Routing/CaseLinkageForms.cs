using System.Globalization;
using Lianhu.Domain.Common;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Hosting;
using Lianhu.Web.Localization;
using Lianhu.Web.Steps;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// The case page's linkage and conference forms: plain antiforgery-protected posts (like the inbox
/// buttons) that call the same handlers as the API and return to the case's panel with
/// <c>?linkage=done</c> (or <c>?conferences=done</c>), or the error code when the step was refused. Times come
/// in the city's zone (<see cref="DateDisplay"/>).
/// </summary>
public static class CaseLinkageForms
{
    /// <summary>How many decision rows the record form offers; blank rows are ignored.</summary>
    public const int DecisionRows = 3;

    public static void Map(IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/cases/{id:guid}/linkage").RequireAuthorization(Policies.Staff).ExcludeFromDescription();

        MapRequest<RequestLeadTransfer.Request, RequestLeadTransfer.Handler>(forms, "/lead-transfer", form => new(GuidOf(form["agencyId"]), form["reason"]));
        MapRequest<EscalateCase.Request, EscalateCase.Handler>(forms, "/escalation", form => new(form["direction"], form["reason"]));

        forms.MapPost("/tasks/{taskId:guid}/{move:regex(^(accept|decline)$)}", (Guid id, Guid taskId, string move, IFormCollection form, IServiceProvider services) =>
            RunAsync(id, "linkage", async () =>
            {
                var outcome = move == "accept"
                    ? await services.GetRequiredService<AcceptTask.Handler>().HandleAsync(taskId, CancellationToken.None)
                    : await services.GetRequiredService<DeclineTask.Handler>().HandleAsync(taskId, new DeclineTask.Request(form["text"]), CancellationToken.None);
                return outcome.Task is null ? "task.not-yours" : null;
            }, move == "decline" ? "/inbox" : null)).OnCase(CaseSteps.FormTaskStep);

        forms.MapPost("/conferences", (Guid id, IFormCollection form, CaseConferences.Handler handler, DateDisplay dates) =>
            RunAsync(id, "conferences", async () =>
            {
                if (!TryLocal(form["scheduledAt"], dates, out var at))
                {
                    return "conference.when";
                }

                var invited = form["invited"].Select(GuidOf).OfType<Guid>().ToList();
                var (conference, forbidden) = await handler.CallAsync(id, new CaseConferences.CallRequest(at, invited), CancellationToken.None);
                return forbidden ? "conference.not-allowed" : conference is null ? "task.not-yours" : null;
            })).OnCase(CaseSteps.Conference);

        forms.MapPost("/conferences/{conferenceId:guid}/cancel", (Guid id, Guid conferenceId, IFormCollection form, CancelConference.Handler handler) =>
            RunAsync(id, "conferences", async () =>
            {
                var (conference, forbidden) = await handler.HandleAsync(conferenceId, form["reason"], CancellationToken.None);
                return forbidden ? "conference.not-allowed" : conference is null ? "task.not-yours" : null;
            })).OnCase(CaseSteps.FormConferenceStep);

        forms.MapPost("/conferences/{conferenceId:guid}/record", (Guid id, Guid conferenceId, IFormCollection form, CaseConferences.Handler handler, DateDisplay dates, TimeProvider time) =>
            RunAsync(id, "conferences", async () =>
            {
                var decisions = new List<CaseConferences.Decision>();
                for (var i = 0; i < DecisionRows; i++)
                {
                    string? what = form[$"decision-text-{i}"];
                    var agency = GuidOf(form[$"decision-agency-{i}"]);
                    if (string.IsNullOrWhiteSpace(what) && agency is null)
                    {
                        continue;
                    }

                    // A decision is due within the whole hours left until the end of the chosen day in the
                    // city's zone; a day already over gives no hours and the handler refuses it (409).
                    var hours = DateOnly.TryParse(form[$"decision-due-{i}"], CultureInfo.InvariantCulture, out var day)
                        ? (int?)Math.Floor((EndOf(day, dates) - time.GetUtcNow()).TotalHours)
                        : null;
                    decisions.Add(new CaseConferences.Decision(agency, hours, what));
                }

                var attended = form["attended"].Select(GuidOf).OfType<Guid>().ToList();
                var (outcome, forbidden) = await handler.RecordAsync(conferenceId, new CaseConferences.RecordRequest(attended, form["minutes"], decisions), CancellationToken.None);
                return forbidden ? "conference.not-allowed" : outcome is null ? "task.not-yours" : null;
            })).OnCase(CaseSteps.FormConferenceStep);
    }

    /// <summary>Runs a step; null = done. A refused move (409) comes back as its code, like the API's ProblemDetails.</summary>
    private static async Task<IResult> RunAsync(Guid caseId, string anchor, Func<Task<string?>> step, string? doneUrl = null)
    {
        string? error;
        try
        {
            error = await step();
        }
        catch (DomainRuleViolationException ex)
        {
            error = ex.Code;
        }

        // A declined request leaves the decliner without the case: it returns to its inbox.
        return error is null && doneUrl is not null
            ? Results.LocalRedirect(doneUrl)
            : Results.LocalRedirect($"/cases/{caseId}?{anchor}={Uri.EscapeDataString(error ?? "done")}#{anchor}");
    }

    /// <summary>A request (lead transfer, escalation) from its form: the handler's 403 code, the first invalid field, or done.</summary>
    private static void MapRequest<TRequest, THandler>(RouteGroupBuilder forms, string path, Func<IFormCollection, TRequest> read)
        where THandler : ITaskRequestHandler<TRequest> =>
        forms.MapPost(path, (Guid id, IFormCollection form, THandler handler, IStringLocalizer<TRequest> text) =>
            RunAsync(id, "linkage", async () =>
            {
                var (task, errors, forbidden) = await handler.HandleAsync(id, read(form), text, CancellationToken.None);
                return forbidden ? THandler.ForbiddenCode
                    : errors is not null ? "linkage-ui.invalid." + errors.ToDictionary().Keys.First()
                    : task is null ? "task.not-yours" : null;
            })).OnCase(CaseSteps.Request);

    private static Guid? GuidOf(string? value) => Guid.TryParse(value, out var id) ? id : null;

    private static bool TryLocal(string? value, DateDisplay dates, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        at = new DateTimeOffset(local, dates.Zone.GetUtcOffset(local));
        return true;
    }

    private static DateTimeOffset EndOf(DateOnly day, DateDisplay dates)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59));
        return new DateTimeOffset(local, dates.Zone.GetUtcOffset(local));
    }
}
