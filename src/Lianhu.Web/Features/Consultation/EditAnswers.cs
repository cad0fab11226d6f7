using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Consultation;

/// <summary>
/// Administrators keep the assistant's answers: list them, read one, save a new version (or retire
/// it). A save names the version it was made from; if someone saved meanwhile it is refused (409),
/// nothing is lost. The assistant uses the new version on every node within seconds (ADR 0036).
/// </summary>
public static class EditAnswers
{
    /// <summary>An answer as the administrators see it; <see cref="Version"/> 0 = as bundled, never edited.</summary>
    public sealed record AnswerDto(string Id, LocalizedText Title, LocalizedWords Questions, LocalizedWords Keywords, LocalizedText Answer, LocalizedText Sources, int Version, bool Retired, DateTimeOffset? EditedAt);

    /// <param name="BasedOn">The version the edit was made from (0 for a bundled entry or a new one).</param>
    public sealed record Request(
        LocalizedText? Title,
        LocalizedWords? Questions,
        LocalizedWords? Keywords,
        LocalizedText? Answer,
        LocalizedText? Sources,
        bool Retired,
        int BasedOn);

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/consultation/answers", async Task<Ok<IReadOnlyList<AnswerDto>>> (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("ListAssistantAnswers").WithTags("Admin").WithSummary("The consultation assistant's answers in force (sysadmin)");
        admin.MapGet("/consultation/answers/{entryId}", async Task<Results<Ok<AnswerDto>, NotFound>> (string entryId, Handler handler, CancellationToken ct) =>
                await handler.GetAsync(entryId, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound())
            .WithName("GetAssistantAnswerForEdit").WithTags("Admin").WithSummary("One answer of the consultation assistant (sysadmin)");
        admin.MapPut("/consultation/answers/{entryId}", async Task<Results<Ok<AnswerDto>, ValidationProblem, ProblemHttpResult>> (string entryId, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var outcome = await handler.SaveAsync(entryId, request, text, ct);
                return outcome switch
                {
                    { Errors: { } errors } => errors.ToProblem(),
                    { Conflict: true } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["consultation.edit.conflict"]),
                    _ => TypedResults.Ok(outcome.Answer!),
                };
            })
            .WithName("SaveAssistantAnswer").WithTags("Admin").WithSummary("Save a new version of a consultation-assistant answer, or retire it (sysadmin)");
    }

    public sealed record Outcome(AnswerDto? Answer, FieldErrors? Errors, bool Conflict);

    public sealed class Handler(LianhuDbContext db, AnswerBook book, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        public async Task<IReadOnlyList<AnswerDto>> ListAsync(CancellationToken ct) =>
            [.. (await book.EntriesAsync(db, ct)).Select(Dto)];

        public async Task<AnswerDto?> GetAsync(string entryId, CancellationToken ct) =>
            (await book.EntriesAsync(db, ct)).Where(e => e.Entry.Id == entryId).Select(Dto).FirstOrDefault();

        public async Task<Outcome> SaveAsync(string entryId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var admin = current.Required;
            var errors = Validate(entryId, request, text);
            if (errors.Any)
            {
                return new Outcome(null, errors, false);
            }

            var existing = (await book.EntriesAsync(db, ct)).FirstOrDefault(e => e.Entry.Id == entryId);
            if ((existing?.Version ?? 0) != request.BasedOn)
            {
                return new Outcome(null, null, Conflict: true);
            }

            var entry = new ConsultationEntry(entryId, Trim(request.Title!), Clean(request.Questions!), Clean(request.Keywords ?? new LocalizedWords([], [])), Trim(request.Answer!), Trim(request.Sources!));
            var record = ConsultationAnswerRecord.Create(Guid.CreateVersion7(), entryId, request.BasedOn + 1, JsonSerializer.Serialize(entry, ConsultationContent.Options), request.Retired, time.GetUtcNow(), admin.UserId);
            db.ConsultationAnswers.Add(record);
            audit.Record(admin.AsActor(), request.Retired ? AuditAction.ConsultationAnswerRetire : AuditAction.ConsultationAnswerEdit, "consultation-answer", $"{entryId} v{record.Version}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (UniqueViolation.Is(ex, Data.Configurations.ConsultationAnswerRecordConfiguration.UniqueIndex, "consultation_answers.EntryId, consultation_answers.Version"))
            {
                return new Outcome(null, null, Conflict: true); // another administrator saved the same version first
            }

            return new Outcome(Dto(new AnswerBook.Effective(entry, record.Version, record.Retired, record.EditedAt)), null, false);
        }

        private static FieldErrors Validate(string entryId, Request request, IStringLocalizer text)
        {
            var errors = new FieldErrors(text);
            if (!ConsultationEntry.IsValidId(entryId))
            {
                errors.Add("entryId", "consultation.entry-id.invalid");
            }

            Text(errors, "title", request.Title, 100);
            Text(errors, "answer", request.Answer, ConsultationEntry.MaxText);
            Text(errors, "sources", request.Sources, 500);
            Words(errors, "questions", request.Questions, required: true);
            Words(errors, "keywords", request.Keywords, required: false);
            if (request.BasedOn < 0)
            {
                errors.Add("basedOn", "consultation.based-on.invalid");
            }

            return errors;
        }

        private static void Text(FieldErrors errors, string field, LocalizedText? value, int max)
        {
            foreach (var (language, part) in new[] { ("zh-CN", value?.ZhCn), ("en", value?.En) })
            {
                if (string.IsNullOrWhiteSpace(part))
                {
                    errors.Add($"{field}.{language}", "consultation.text.required");
                }
                else if (part.Length > max)
                {
                    errors.Add($"{field}.{language}", "consultation.text.too-long", max);
                }
            }
        }

        private static void Words(FieldErrors errors, string field, LocalizedWords? value, bool required)
        {
            foreach (var (language, list) in new[] { ("zh-CN", value?.ZhCn), ("en", value?.En) })
            {
                var words = (list ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).ToList();
                if (required && words.Count == 0)
                {
                    errors.Add($"{field}.{language}", "consultation.questions.required");
                }
                else if (words.Count > ConsultationEntry.MaxWords || words.Any(w => w.Length > 200))
                {
                    errors.Add($"{field}.{language}", "consultation.words.too-many", ConsultationEntry.MaxWords, 200);
                }
            }
        }

        private static LocalizedText Trim(LocalizedText text) => new(text.ZhCn.Trim(), text.En.Trim());

        private static LocalizedWords Clean(LocalizedWords words) =>
            new([.. (words.ZhCn ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct()], [.. (words.En ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct()]);

        private static AnswerDto Dto(AnswerBook.Effective e) =>
            new(e.Entry.Id, e.Entry.Title, e.Entry.Questions, e.Entry.Keywords, e.Entry.Answer, e.Entry.Sources, e.Version, e.Retired, e.EditedAt);
    }
}
