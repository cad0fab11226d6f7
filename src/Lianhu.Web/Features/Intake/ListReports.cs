using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// A mandatory reporter's own reports: the receipt and the current status of each, nothing of the
/// case (ADVL Art 14). Matched on the filing user, so a colleague's reports are not listed.
/// </summary>
public static class ListReports
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/reports", async Task<Ok<IReadOnlyList<ReportReceiptDto>>> (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(null, ct)))
            .WithName("ListReports")
            .WithTags("Reports")
            .WithSummary("Receipts and status of the mandatory reports you filed");
        api.MapGet("/reports/{id:guid}", async Task<Results<Ok<ReportReceiptDto>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(id, ct)) is [var one] ? TypedResults.Ok(one) : TypedResults.NotFound()).NotACaseStep("a mandatory reporter's own receipt: status only, never case content")
            .WithName("GetReport")
            .WithTags("Reports")
            .WithSummary("Receipt and status of one mandatory report you filed");
    }

    /// <summary>
    /// The status a reporter is told: <c>open</c> (being handled — a closure awaiting approval is
    /// still being handled), <c>closed</c> (handled and closed) or <c>reopened</c> (being handled
    /// again). Nothing else of the case: no names, measures or outcome.
    /// </summary>
    public static string ReporterStatus(CaseStatus status, int reopenCount) => status switch
    {
        CaseStatus.Closed => "closed",
        _ when reopenCount > 0 => "reopened",
        _ => "open",
    };

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current)
    {
        public async Task<IReadOnlyList<ReportReceiptDto>> ListAsync(Guid? id, CancellationToken ct)
        {
            var user = current.Required;
            var rows = await (from intake in db.CaseIntakes.AsNoTracking()
                              join c in db.Cases.AsNoTracking() on intake.CaseId equals c.Id
                              join lead in db.Agencies.AsNoTracking() on c.LeadAgencyId equals lead.Id
                              where intake.ReportedByUserId == user.UserId && (id == null || c.Id == id)
                              orderby c.CreatedAt descending
                              select new { c.Id, c.Number, c.Channel, c.Status, c.ReopenCount, c.CreatedAt, Lead = lead.Name, intake.ReporterInstitution })
                .Take(200)
                .ToListAsync(ct);
            return [.. rows.Select(r => new ReportReceiptDto(
                r.Id, r.Number, StableName.Of(r.Channel), ReporterStatus(r.Status, r.ReopenCount), r.CreatedAt, r.Lead, r.ReporterInstitution is { } t ? StableName.Of(t) : string.Empty))];
        }
    }
}
