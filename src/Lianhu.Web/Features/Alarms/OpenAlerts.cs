using Lianhu.Domain.Alarms;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// <c>GET /api/v1/alarms/open</c> and the top of the inbox: the alerts my agency must answer — sent to it,
/// or escalated to it — not yet closed, newest first, with the case number only (no case content).
/// </summary>
public static class OpenAlerts
{
    public sealed record Item(Guid AlertId, Guid CaseId, string CaseNumber, DateTimeOffset RaisedAt, string State, DateTimeOffset AcknowledgeBy, bool Overdue, bool Escalated);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/alarms/open", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .NotACaseStep("the caller's own agency's open alerts; each row names only a case number")
            .WithName("ListOpenAlerts").WithTags("Alarms").WithSummary("Open one-key alarm alerts my agency must answer, newest first");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, TimeProvider time)
    {
        public async Task<List<Item>> ListAsync(CancellationToken ct)
        {
            var user = current.Required;
            var agencyId = user.AgencyId;
            var now = time.GetUtcNow();
            var mine = db.Set<AlarmResponder>().Where(r => r.AgencyId == agencyId).Select(r => r.AlertId);
            var rows = await db.Set<AlarmAlert>().AsNoTracking()
                .Where(a => a.State != AlarmAlertState.Closed && (mine.Contains(a.Id) || a.EscalatedToAgencyId == agencyId))
                .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { a.Id, a.CaseId, c.Number, a.RaisedAt, a.State, a.AcknowledgeBy, a.EscalatedAt })
                .OrderByDescending(a => a.RaisedAt).Take(50).ToListAsync(ct);
            return [.. rows.Select(r => new Item(r.Id, r.CaseId, r.Number, r.RaisedAt, Lianhu.Domain.Common.StableName.Of(r.State), r.AcknowledgeBy,
                r.State == AlarmAlertState.Raised && now >= r.AcknowledgeBy, r.EscalatedAt is not null))];
        }
    }
}
