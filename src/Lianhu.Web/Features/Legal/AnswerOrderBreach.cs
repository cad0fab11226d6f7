using Lianhu.Domain.Access;
using Lianhu.Domain.Legal;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// The court answers a reported breach of its order (ADVL Art 34): either a transfer for criminal
/// liability (e.g. Criminal Law Art 313, refusing to execute a ruling), or an admonition (训诫) with,
/// optionally, a fine of at most 1,000 yuan and/or detention of at most 15 days. Anything else is
/// refused naming the field, with the article (<see cref="BreachSanction"/>). The answer closes the
/// court's follow-up for the breach and appears on the case's timeline and in the statistics.
/// </summary>
public static class AnswerOrderBreach
{
    /// <param name="BreachId">The breach answered; default the earliest one not yet answered.</param>
    /// <param name="Response">criminal-transfer or admonition.</param>
    /// <param name="FineYuan">With an admonition: 1–1000 yuan.</param>
    /// <param name="DetentionDays">With an admonition: 1–15 days.</param>
    /// <param name="CriminalBasis">With a transfer: the provision cited (default 《中华人民共和国刑法》第三百一十三条).</param>
    /// <param name="At">When the court decided (Beijing time, default now).</param>
    public sealed record Request(Guid? BreachId, string? Response, int? FineYuan, int? DetentionDays, string? CriminalBasis, string? At);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/protection-orders/{id:guid}/breach-answers", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("AnswerProtectionOrderBreach")
            .WithTags("Legal")
            .WithSummary("The court answers a breach (ADVL Art 34): criminal transfer, or admonition with a fine ≤ 1,000 yuan and/or detention ≤ 15 days")
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(ProtectionOrderCommand command, LianhuDbContext db, AuditTrail audit)
    {
        public Task<LegalOutcome<ProtectionOrderDto>> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Court, AuditAction.ProtectionOrderBreachAnswer, text, async step =>
            {
                var response = LegalInput.Enum<BreachResponse>(step.Errors, "response", request.Response, required: false);
                var at = LegalInput.Instant(step.Errors, "at", request.At, step.Now);
                var basis = string.IsNullOrWhiteSpace(request.CriminalBasis) ? null : request.CriminalBasis;
                step.Errors.AddAll(BreachSanction.Problems(response, request.FineYuan, request.DetentionDays, basis)
                    .Where(p => !(p.Field == "response" && step.Errors.Has("response"))));
                if (step.Errors.Any)
                {
                    return;
                }

                var sanction = BreachSanction.Decide(response, request.FineYuan, request.DetentionDays, basis);
                var breach = step.Order.AnswerBreach(request.BreachId, sanction, step.User.UserId, at!.Value);
                var followUp = await db.LegalFollowUps
                    .Where(f => f.SubjectId == step.Order.Id && f.Kind == ReportOrderViolation.CourtKind && f.Status == FollowUpStatus.Open)
                    .OrderBy(f => f.CreatedAt).FirstOrDefaultAsync(ct);
                if (followUp is not null && followUp.AssigneeAgencyId == step.User.AgencyId)
                {
                    followUp.Close(step.User.UserId, Describe(breach), step.Now);
                    audit.Record(step.User.AsActor(), AuditAction.LegalFollowupClose, "legal-followup", followUp.Id.ToString(), "legal");
                }
            }, ct);

        /// <summary>The answer in words for the follow-up's outcome (Chinese, as the documents).</summary>
        public static string Describe(ProtectionOrderBreach breach)
        {
            ArgumentNullException.ThrowIfNull(breach);
            return breach.Response == BreachResponse.CriminalTransfer
                ? $"移送追究刑事责任（{breach.CriminalBasis}；{BreachSanction.Article}）"
                : "训诫" + (breach.FineYuan is { } fine ? $"，罚款{fine}元" : string.Empty) + (breach.DetentionDays is { } days ? $"，拘留{days}日" : string.Empty)
                    + $"（{BreachSanction.Article}）";
        }
    }
}
