using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Hosting;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Consultation;

/// <summary>
/// The women's federation hotline's queue of questions handed off by the assistant (ADR 0036):
/// caseworkers and supervisors of the federation a question went to read it and answer it; nobody
/// else sees it (the federation is in the WHERE clause). A consultation is not a case: it names no
/// person, and she reads the answer only with her receipt and secret.
/// </summary>
public static class HotlineQueue
{
    public const string NotACase = "a handed-off consultation is not a case: it is read and answered by the women's federation it went to, scoped in the query";

    public sealed record QuestionDto(Guid Id, string Question, DateTimeOffset CreatedAt, string? Answer, DateTimeOffset? AnsweredAt);

    public sealed record AnswerRequest(string? Answer);

    /// <summary>Hotline staff: caseworkers and supervisors of a women's federation.</summary>
    public static bool IsHotline(CurrentUser user) =>
        user.AgencyType == AgencyType.WomensFederation && (user.Has(Role.Caseworker) || user.Has(Role.Supervisor));

    public static void Map(IEndpointRouteBuilder staff, IEndpointRouteBuilder app)
    {
        staff.MapGet("/consultations", async Task<Results<Ok<IReadOnlyList<QuestionDto>>, ForbidHttpResult>> (Handler handler, CancellationToken ct) =>
                await handler.ListAsync(ct) is { } list ? TypedResults.Ok(list) : TypedResults.Forbid())
            .WithName("ListConsultations").WithTags("Consultation").WithSummary("Questions handed off to your women's federation's hotline, waiting first");
        staff.MapPost("/consultations/{id:guid}/answer", async Task<Results<Ok<QuestionDto>, NotFound, ValidationProblem>> (Guid id, AnswerRequest request, Handler handler, IStringLocalizer<AnswerRequest> text, CancellationToken ct) =>
            {
                var (dto, errors) = await handler.AnswerAsync(id, request.Answer, text, ct);
                return errors is not null ? errors.ToProblem() : dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
            })
            .NotACaseStep(NotACase)
            .WithName("AnswerConsultation").WithTags("Consultation").WithSummary("Answer a handed-off question (she reads it with her receipt)");

        // The queue page's answer form: an antiforgery-protected post that returns to the queue.
        app.MapPost("/consultations/{id:guid}/answer", async (Guid id, [FromForm] string? answer, Handler handler, IStringLocalizer<AnswerRequest> text, CancellationToken ct) =>
            {
                var (dto, errors) = await handler.AnswerAsync(id, answer, text, ct);
                return Results.LocalRedirect(errors is not null ? $"/consultations?error={id}" : dto is null ? "/consultations?error=not-found" : $"/consultations?answered={id}");
            })
            .NotACaseStep(NotACase)
            .RequireAuthorization(Policies.Staff)
            .ExcludeFromDescription();
    }

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        /// <summary>The federation's questions, waiting first (oldest first), then the 50 latest answered; null when the user is not hotline staff.</summary>
        public async Task<IReadOnlyList<QuestionDto>?> ListAsync(CancellationToken ct)
        {
            var user = current.Required;
            if (!IsHotline(user))
            {
                return null;
            }

            var mine = db.ConsultationRequests.AsNoTracking().Where(r => r.AgencyId == user.AgencyId);
            var waiting = await mine.Where(r => r.AnsweredAt == null).OrderBy(r => r.CreatedAt).Take(200).ToListAsync(ct);
            var answered = await mine.Where(r => r.AnsweredAt != null).OrderByDescending(r => r.AnsweredAt).Take(50).ToListAsync(ct);
            audit.Record(user.AsActor(), AuditAction.ConsultationQueueRead, "consultation-queue", user.AgencyId.ToString(), reason: $"{waiting.Count + answered.Count}");
            await db.SaveChangesAsync(ct);
            return [.. waiting.Concat(answered).Select(Dto)];
        }

        public async Task<(QuestionDto? Question, FieldErrors? Errors)> AnswerAsync(Guid id, string? answer, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            if (!IsHotline(user))
            {
                return (null, null);
            }

            var record = await db.ConsultationRequests.SingleOrDefaultAsync(r => r.Id == id && r.AgencyId == user.AgencyId, ct);
            if (record is null)
            {
                return (null, null);
            }

            var trimmed = answer?.Trim();
            var errors = new FieldErrors(text).Required("answer", trimmed).MaxLength("answer", trimmed, ConsultationRequestRecord.AnswerMaxLength);
            if (errors.Any)
            {
                return (null, errors);
            }

            record.Reply(trimmed!, user.UserId, time.GetUtcNow());
            audit.Record(user.AsActor(), AuditAction.ConsultationAnswer, "consultation-request", record.Id.ToString());
            await db.SaveChangesAsync(ct);
            return (Dto(record), null);
        }

        private static QuestionDto Dto(ConsultationRequestRecord r) => new(r.Id, r.Question, r.CreatedAt, r.Answer, r.AnsweredAt);
    }
}
