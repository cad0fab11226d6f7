using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// Status by receipt (issue 16 item 5): the receipt code and the secret give one line — received, being
/// handled, closed — and nothing else. An unknown code, a wrong secret and a locked receipt all get the
/// same "no match" after the same work (a MAC is checked either way). Wrong secrets lock the receipt
/// (<see cref="HelpOptions.MaxWrongSecrets"/>, <see cref="HelpOptions.LockMinutes"/>); the rate limiter
/// holds each address.
/// </summary>
public static class CheckStatus
{
    public sealed record Request(string? Receipt, string? Secret);

    /// <param name="Status"><c>received</c>, <c>handling</c> or <c>closed</c>.</param>
    /// <param name="Text">The same, as the line she reads.</param>
    public sealed record StatusDto(string Status, string Text);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/help/status", async Task<Results<Ok<StatusDto>, ProblemHttpResult>> (Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                await handler.CheckAsync(request.Receipt, request.Secret, ct) is { } status
                    ? TypedResults.Ok(new StatusDto(status, text["help.status." + status].Value))
                    : TypedResults.Problem(text["help.status.no-match"].Value, statusCode: StatusCodes.Status404NotFound, title: text["help.status.no-match"].Value))
            .WithName("CheckSelfReportStatus")
            .WithTags("Help")
            .WithSummary("Status of a self-report by receipt code and secret: received, being handled or closed; anything else is one generic answer");

    public sealed class Handler(LianhuDbContext db, ReceiptCheck receipts, AuditTrail audit)
    {
        /// <summary><c>received</c>, <c>handling</c> or <c>closed</c>; null for every kind of miss.</summary>
        public async Task<string?> CheckAsync(string? receipt, string? secret, CancellationToken ct)
        {
            var (record, changed, locked) = await receipts.OpenAsync(db.SelfReports, receipt, secret, ct);
            if (locked is not null)
            {
                audit.Record(AuditActor.System, AuditAction.SelfReportReceiptLocked, "self-report", locked.Id.ToString(), caseId: locked.CaseId);
            }

            if (record is null)
            {
                if (changed)
                {
                    await db.SaveChangesAsync(ct);
                }

                return null;
            }

            var status = await StatusAsync(record.CaseId, ct);
            audit.Record(new AuditActor(null, null, "public", null), AuditAction.SelfReportStatusRead, "self-report", record.Id.ToString(), caseId: record.CaseId);
            await db.SaveChangesAsync(ct);
            return status;
        }

        /// <summary>
        /// Closed when the case is closed; being handled once the first contact is recorded (the contact
        /// clock completed) or anything else happened on the case; received before that.
        /// </summary>
        private async Task<string> StatusAsync(Guid caseId, CancellationToken ct)
        {
            var status = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync(ct);
            if (status == CaseStatus.Closed)
            {
                return "closed";
            }

            var contacted = await db.Clocks.AsNoTracking().AnyAsync(c => c.CaseId == caseId && c.RuleId == SelfReportOpened.ContactRule && c.State == ClockState.Completed, ct);
            var worked = contacted || await db.CaseEvents.AsNoTracking().CountAsync(e => e.CaseId == caseId, ct) > 1;
            return worked ? "handling" : "received";
        }
    }
}
