using Lianhu.Domain.Common;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Hosting;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Mvc;

namespace Lianhu.Web.Features.Tasks;

/// <summary>
/// The inbox page's buttons: plain antiforgery-protected form posts (like sign-out) that call the
/// same handlers as the API and return to <c>/inbox</c>, with <c>?error=code</c> when the move was refused.
/// Accept and start return to the case page they were posted from (field <c>returnUrl</c>); complete,
/// decline and reassign (field <c>text</c> = the receiving agency's id) always return to the inbox, since a finished task may end the agency's sight of the case.
/// </summary>
public static class InboxForms
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/inbox/tasks/{id:guid}/{move}", async (Guid id, string move, [FromForm] string? text, [FromForm] string? returnUrl, IServiceProvider services, CancellationToken ct) =>
        {
            try
            {
                var outcome = move switch
                {
                    "accept" => await services.GetRequiredService<AcceptTask.Handler>().HandleAsync(id, ct),
                    "start" => await services.GetRequiredService<StartTask.Handler>().HandleAsync(id, ct),
                    "decline" => await services.GetRequiredService<DeclineTask.Handler>().HandleAsync(id, new DeclineTask.Request(text), ct),
                    "complete" => await services.GetRequiredService<CompleteTask.Handler>().HandleAsync(id, new CompleteTask.Request(text), ct),
                    "reassign" => await services.GetRequiredService<ReassignTask.Handler>().HandleAsync(id, new ReassignTask.Request(Guid.TryParse(text, out var to) ? to : null), ct),
                    _ => null,
                };
                return outcome?.Task is null ? Results.LocalRedirect("/inbox?error=task.not-yours") : Results.LocalRedirect(move is "accept" or "start" && returnUrl is not null && returnUrl.StartsWith("/cases/", StringComparison.Ordinal) ? returnUrl : "/inbox");
            }
            catch (DomainRuleViolationException ex)
            {
                return Results.LocalRedirect("/inbox?error=" + Uri.EscapeDataString(ex.Code));
            }
        }).OnCase(CaseSteps.TaskStep).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
    }
}
