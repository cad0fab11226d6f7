using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Closure;
using Lianhu.Web.Hosting;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Archive;

/// <summary>
/// The archive's reopen button (on the archive page and in the archive notice of a new intake): a
/// plain form post (antiforgery-checked) that calls the closure handler, then goes back — to the
/// reopened case, or with the refusal to the page it came from.
/// </summary>
public static class ArchiveForms
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/archive").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        ui.MapPost("/{id:guid}/reopen", async (
            Guid id, [FromForm] string? reason, [FromForm] Guid? incident, CaseClosure.Handler handler, LianhuDbContext db, CurrentUserAccessor current,
            IStringLocalizer<CaseClosure.ReasonRequest> text, CancellationToken ct) =>
        {
            var from = incident is { } caseId ? $"/cases/{caseId}" : $"/archive/{id}";
            var number = incident is { } newCase
                ? await db.Cases.AsNoTracking().VisibleTo(current.Required).Where(c => c.Id == newCase).Select(c => c.Number).SingleOrDefaultAsync(ct)
                : null;
            try
            {
                var outcome = await handler.ReopenAsync(id, reason, text, ct, number);
                return outcome.State is not null
                    ? Results.LocalRedirect($"/cases/{id}?reopened=1")
                    : Results.LocalRedirect($"{from}?archive={(outcome.Errors is not null ? "reason-required" : "not-allowed")}#archive");
            }
            catch (DomainRuleViolationException rule)
            {
                return Results.LocalRedirect($"{from}?archive={Uri.EscapeDataString(rule.Code)}#archive");
            }
        }).OnCase(CaseSteps.Closure);
    }
}
