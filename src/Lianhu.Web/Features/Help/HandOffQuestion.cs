using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Data.Configurations;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// A question handed from the consultation assistant to a person (issue 16 item 4, ADR 0036): only
/// when she agrees to it being kept; it goes to the hotline queue of the women's federation nearest the
/// place she picked (the city's when she picks none), and she reads the answer with a receipt code and
/// secret. The signed form token makes a replay create nothing and answer generically.
/// </summary>
public static class HandOffQuestion
{
    public sealed record Request(string? Question, string? Place, bool Agree, string? FormToken);

    public sealed record Answer(IReadOnlyDictionary<string, string[]>? Errors = null, SubmitSelfReport.ReceiptDto? Receipt = null, bool Generic = false);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/help/consultations", async Task<Results<Created<SubmitSelfReport.ReceiptDto>, Ok<SubmitSelfReport.GenericDto>, ValidationProblem>> (Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var answer = await handler.HandOffAsync(request, text, ct);
                return answer switch
                {
                    { Errors: { } errors } => TypedResults.ValidationProblem(errors),
                    { Receipt: { } receipt } => TypedResults.Created((string?)null, receipt),
                    _ => TypedResults.Ok(new SubmitSelfReport.GenericDto(text["help.handoff.generic"].Value)),
                };
            })
            .WithName("HandOffQuestion")
            .WithTags("Help")
            .WithSummary("Hand a question to a person at the women's federation (kept only with her agreement); answers a receipt code and secret");

    public sealed class Handler(LianhuDbContext db, FormTokens tokens, FieldCipher cipher, DirectoryCache directory, AuditTrail audit, TimeProvider time)
    {
        public async Task<Answer> HandOffAsync(Request request, IStringLocalizer text, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var errors = new FieldErrors(text);
            var question = request.Question?.Trim();
            errors.Required("question", question).MaxLength("question", question, ConsultationRequestRecord.QuestionMaxLength);
            DivisionCode? place = null;
            if (!string.IsNullOrWhiteSpace(request.Place))
            {
                if (DivisionCode.TryParse(request.Place.Trim(), out var parsed, out _) && parsed.Tier is Tier.District or Tier.Town or Tier.Community)
                {
                    place = parsed;
                }
                else
                {
                    errors.Add("place", "help.handoff.place");
                }
            }

            if (!request.Agree)
            {
                errors.Add("agree", "help.handoff.agree");
            }

            var (verdict, formId) = tokens.Check(request.FormToken);
            if (verdict == FormTokens.Verdict.Invalid)
            {
                errors.Add("formToken", "help.form-token");
            }
            else if (verdict == FormTokens.Verdict.TooFast)
            {
                errors.Add("formToken", "help.too-fast");
            }

            if (errors.Any)
            {
                return new Answer(Errors: errors.ToDictionary());
            }

            if (await db.ConsultationRequests.AnyAsync(r => r.FormId == formId, ct))
            {
                return new Answer(Generic: true); // a retry or a replay of the form
            }

            var agency = await FederationAsync(place, ct);
            if (agency is null)
            {
                return new Answer(Errors: new FieldErrors(text).Add("place", "help.handoff.place").ToDictionary());
            }

            for (var attempt = 1; ; attempt++)
            {
                var code = ReceiptCodes.NewCode();
                var secret = ReceiptCodes.NewSecret();
                var now = time.GetUtcNow();
                var record = ConsultationRequestRecord.Create(Guid.CreateVersion7(now), formId, code, cipher.Mac(ReceiptCodes.MacContent(code, secret), ReceiptCodes.SecretPurpose), agency.Value, place?.Value, question!, now);
                db.ConsultationRequests.Add(record);
                audit.Record(AuditActor.System, AuditAction.ConsultationHandOff, "consultation-request", record.Id.ToString());
                try
                {
                    await db.SaveChangesAsync(ct);
                    return new Answer(Receipt: new SubmitSelfReport.ReceiptDto(code, ReceiptCodes.Display(secret)));
                }
                catch (DbUpdateException e) when (UniqueViolation.Is(e, ConsultationRequestRecordConfiguration.FormIndex, "consultation_requests.FormId"))
                {
                    return new Answer(Generic: true); // the same form sent twice at once
                }
                catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e, ConsultationRequestRecordConfiguration.ReceiptIndex, "consultation_requests.ReceiptCode"))
                {
                    db.ChangeTracker.Clear(); // a receipt code drawn twice: draw again
                }
            }
        }

        /// <summary>The women's federation nearest the place she picked; without one, the federation of the widest division (the city's).</summary>
        private async Task<Guid?> FederationAsync(DivisionCode? place, CancellationToken ct)
        {
            if (place is { } picked && await directory.NearestAsync(db, picked, [AgencyType.WomensFederation], ct) is { } nearest)
            {
                return nearest;
            }

            var federations = await db.Agencies.AsNoTracking().Where(a => a.Type == AgencyType.WomensFederation && a.IsActive)
                .Select(a => new { a.Id, a.DivisionCode }).ToListAsync(ct);
            return federations.OrderBy(a => a.DivisionCode.Length).ThenBy(a => a.DivisionCode, StringComparer.Ordinal).Select(a => (Guid?)a.Id).FirstOrDefault();
        }
    }
}
