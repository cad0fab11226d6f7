using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// The answer to a handed-off question, read by receipt code and secret (issue 16 items 4 and 5): the
/// status line and, once answered, the answer — nothing else. Misses of every kind answer the same after
/// the same work; wrong secrets lock the receipt, as for self-reports.
/// </summary>
public static class ReadReply
{
    /// <param name="Status"><c>waiting</c> or <c>answered</c>.</param>
    public sealed record ReplyDto(string Status, string Text, string? Answer, DateTimeOffset? AnsweredAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/help/consultations/reply", async Task<Results<Ok<ReplyDto>, ProblemHttpResult>> (CheckStatus.Request request, Handler handler, IStringLocalizer<ReplyDto> text, CancellationToken ct) =>
                await handler.ReadAsync(request.Receipt, request.Secret, ct) is { } reply
                    ? TypedResults.Ok(reply with { Text = text["help.reply." + reply.Status].Value })
                    : TypedResults.Problem(text["help.status.no-match"].Value, statusCode: StatusCodes.Status404NotFound, title: text["help.status.no-match"].Value))
            .WithName("ReadConsultationReply")
            .WithTags("Help")
            .WithSummary("The answer to a handed-off question by receipt code and secret; anything else is one generic answer");

    public sealed class Handler(LianhuDbContext db, ReceiptCheck receipts, AuditTrail audit)
    {
        public async Task<ReplyDto?> ReadAsync(string? receipt, string? secret, CancellationToken ct)
        {
            var (record, changed, _) = await receipts.OpenAsync(db.ConsultationRequests, receipt, secret, ct);
            if (record is null)
            {
                if (changed)
                {
                    await db.SaveChangesAsync(ct);
                }

                return null;
            }

            audit.Record(new AuditActor(null, null, "public", null), AuditAction.ConsultationReplyRead, "consultation-request", record.Id.ToString());
            await db.SaveChangesAsync(ct);
            return record.IsAnswered
                ? new ReplyDto("answered", string.Empty, record.Answer, record.AnsweredAt)
                : new ReplyDto("waiting", string.Empty, null, null);
        }
    }
}
