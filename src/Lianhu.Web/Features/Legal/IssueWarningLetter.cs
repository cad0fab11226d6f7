using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.People;
using Lianhu.Domain.Visits;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// A police agency issues a warning letter (ADVL Arts 16–17) on a case it works. The letter must
/// name the abuser (name and resident ID number), state the facts and prohibit domestic violence;
/// an incomplete letter is refused naming each missing field. The follow-up visit becomes a
/// return-visit task for the community police station carrying the <c>warning-followup</c> clock
/// (90 days by default, <c>config/clocks/rules.json</c>; who visits: <c>config/policies/return-visits.json</c>). A letter to a respondent who
/// already had one in the same household (same case, or same victim) flags the case
/// <c>repeat-warning</c>; matching uses blind indexes, so no ID number is compared in clear.
/// </summary>
public static class IssueWarningLetter
{
    public const string RespondentPurpose = "warning-letter.respondent-id";
    public const string VictimPurpose = "warning-letter.victim-name";

    public sealed record Request(string? RespondentName, string? RespondentIdNumber, string? RespondentAddress, string? VictimName, string? Facts, string? Prohibition);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/warning-letters", async Task<Results<Created<WarningLetterDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToCreated(text, l => $"/api/v1/warning-letters/{l.Id}")).OnCase(CaseSteps.LegalOnCase)
            .WithName("IssueWarningLetter")
            .WithTags("Legal")
            .WithSummary("Issue a police warning letter (police agencies); starts the follow-up visit clock; a repeat letter flags the case");

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, LegalAccess access, Visits.ReturnVisitTasks visits, WarningLetterReader reader)
    {
        public async Task<LegalOutcome<WarningLetterDto>> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var standing = await access.ForCaseAsync(user, caseId, ct);
            if (standing is not { CanReadLegal: true })
            {
                return LegalOutcome<WarningLetterDto>.Missing;
            }

            if (!standing.CanWriteLegal)
            {
                return LegalOutcome<WarningLetterDto>.Deny("legal.no-write");
            }

            if (user.AgencyType is not (AgencyType.PoliceStation or AgencyType.PoliceBureau))
            {
                return LegalOutcome<WarningLetterDto>.Deny("legal.police-issue-only");
            }

            var errors = new FieldErrors(text);
            var content = new WarningLetterContent(request.RespondentName, request.RespondentIdNumber, request.RespondentAddress, request.VictimName, request.Facts, request.Prohibition);
            errors.AddAll(content.Problems());
            var idNumber = default(ResidentIdNumber);
            if (!string.IsNullOrWhiteSpace(request.RespondentIdNumber) && !ResidentIdNumber.TryParse(request.RespondentIdNumber, time, out idNumber, out _))
            {
                errors.Add("respondentIdNumber", "legal.id-number");
            }

            if (errors.Any)
            {
                return LegalOutcome<WarningLetterDto>.Invalid(errors);
            }

            var now = time.GetUtcNow();
            var respondentKey = db.Cipher.BlindIndex(idNumber.Value, RespondentPurpose);
            var victimKey = db.Cipher.BlindIndex(NormaliseName(request.VictimName!), VictimPurpose);
            var prior = await db.WarningLetters.CountAsync(l => l.RespondentKey == respondentKey && (l.CaseId == caseId || l.VictimKey == victimKey), ct);
            var normalised = content with { RespondentIdNumber = idNumber.Value };
            var letter = WarningLetter.Issue(Guid.CreateVersion7(now), caseId, normalised, respondentKey, victimKey, prior, user.AgencyId, user.UserId, now);
            db.WarningLetters.Add(letter);
            audit.Record(user.AsActor(), AuditAction.WarningLetterIssue, "warning-letter", letter.Id.ToString(), "legal");
            // The follow-up visit (warning-followup clock) is a return-visit task for the community police.
            await visits.ForEventAsync(caseId, VisitEvent.WarningLetter, now, ClockSubject.Of(ClockSubject.WarningLetterType, letter.Id), user, now, ct);
            if (letter.IsRepeat)
            {
                await FlagAsync(letter, now, ct);
                audit.Record(user.AsActor(), AuditAction.CaseFlag, "case", caseId.ToString(), "legal", CaseFlag.RepeatWarning);
            }

            await db.SaveChangesAsync(ct);
            await visits.PublishAsync(ct);
            return LegalOutcome<WarningLetterDto>.Ok((await reader.ToDtosAsync([letter], standing.Case, ct))[0]);
        }

        /// <summary>Width-folded (NFKC), without spaces, upper case: "张 三" and "张三" and "ｚｈａｎｇ" match their plain forms.</summary>
        private static string NormaliseName(string name) =>
            string.Concat(name.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

        private async Task FlagAsync(WarningLetter letter, DateTimeOffset now, CancellationToken ct)
        {
            var existing = await db.CaseFlags.SingleOrDefaultAsync(f => f.CaseId == letter.CaseId && f.Code == CaseFlag.RepeatWarning, ct);
            if (existing is null)
            {
                db.CaseFlags.Add(CaseFlag.Raise(Guid.CreateVersion7(now), letter.CaseId, CaseFlag.RepeatWarning, ClockSubject.WarningLetterType, letter.Id, letter.PriorLetters, now));
            }
            else
            {
                existing.Renew(ClockSubject.WarningLetterType, letter.Id, letter.PriorLetters, now);
            }
        }
    }
}
