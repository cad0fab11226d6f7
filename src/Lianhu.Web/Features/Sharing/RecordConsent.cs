using System.Globalization;
using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Sharing;

/// <summary>
/// Records a consent (<c>basis: consent</c>: given by the victim or a guardian, how, until when) or a
/// legal basis (<c>basis: legal-basis</c>: one of the policy's bases and a citation) for sharing
/// sections of a case with one agency (<c>agencyId</c>) or every agency of a type
/// (<c>agencyType</c>). Held routing tasks it covers are released in the same transaction. The lead
/// and the supervising centres only: 404 outside scope, 403 otherwise.
/// </summary>
public static class RecordConsent
{
    /// <param name="ExpiresAt">A date (<c>YYYY-MM-DD</c>, valid through that day, Asia/Shanghai) or an ISO 8601 instant.</param>
    public sealed record Request(
        string? Basis, string? GivenBy, string? Method, string? LegalBasis, string? Citation, Guid? AgencyId, string? AgencyType, IReadOnlyList<string?>? Sections, string? ExpiresAt, string? Note);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/consents", async Task<Results<Created<ConsentDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
            {
                var (dto, errors, forbidden) = await handler.HandleAsync(id, request, text, ct);
                if (forbidden)
                {
                    return Problems.Forbidden(text, "consent.not-allowed");
                }

                return errors is not null ? errors.ToProblem() : dto is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/cases/{id}/consents", dto);
            }).OnCase(CaseSteps.Consent)
            .WithName("RecordConsent").WithTags("Consent").WithSummary("Record a consent or legal basis for sharing with a non-statutory body; releases the routing tasks it covers");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, SharingPolicy policy, TaskClocks routing, InboxPublisher inbox, Notifications.WebhookOutbox outbox)
    {
        public async Task<(ConsentDto? Consent, FieldErrors? Errors, bool Forbidden)> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null)
            {
                return (null, null, false);
            }

            if (!ConsentRules.MayManage(user, found))
            {
                return (null, null, true);
            }

            var now = time.GetUtcNow();
            var errors = new FieldErrors(text);
            var (consent, agencyName) = await ValidateAsync(caseId, found.DivisionCode, request, user, now, errors, ct);
            if (consent is null)
            {
                return (null, errors, false);
            }

            db.CaseConsents.Add(consent);
            audit.Record(user.AsActor(), consent.Basis == SharingBasisKind.Consent ? AuditAction.ConsentRecord : AuditAction.ConsentLegalBasis, "consent", consent.Id.ToString(), section: "case:" + caseId.ToString("N"));
            var (released, signals) = await routing.ReleaseHeld(caseId, [consent], user.AsActor(), user.UserId, ct);
            await outbox.StageAsync(signals, ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync(signals, ct);
            return (consent.ToDto(now, policy, agencyName, [.. released.Select(t => t.Id)]), null, false);
        }

        private async Task<(CaseConsent? Consent, string? AgencyName)> ValidateAsync(
            Guid caseId, string caseDivision, Request request, CurrentUser user, DateTimeOffset now, FieldErrors errors, CancellationToken ct)
        {
            var basis = IntakeFields.Enum<SharingBasisKind>("basis", request.Basis, errors);
            errors.Required("basis", request.Basis);
            var sections = IntakeFields.EnumList<CaseSection>("sections", request.Sections, errors);
            if (request.Sections is not { Count: > 0 })
            {
                errors.Add("sections", "required");
            }

            var (target, agencyName) = await TargetAsync(request, caseDivision, errors, ct);
            var expires = Expiry(request.ExpiresAt, now, errors);
            errors.MaxLength("note", request.Note?.Trim(), CaseConsent.NoteMaxLength);
            ConsentGiver? givenBy = null;
            ConsentMethod? method = null;
            if (basis == SharingBasisKind.Consent)
            {
                givenBy = IntakeFields.Enum<ConsentGiver>("givenBy", request.GivenBy, errors);
                method = IntakeFields.Enum<ConsentMethod>("method", request.Method, errors);
                errors.Required("givenBy", request.GivenBy).Required("method", request.Method).Required("expiresAt", request.ExpiresAt);
                if (expires is { } e && e > now.AddDays(policy.MaxConsentDays + 1))
                {
                    errors.Add("expiresAt", "consent.expiry-too-far", policy.MaxConsentDays);
                }
            }
            else if (basis == SharingBasisKind.LegalBasis)
            {
                errors.Required("legalBasis", request.LegalBasis).Required("citation", request.Citation).MaxLength("citation", request.Citation?.Trim(), CaseConsent.CitationMaxLength);
                if (!string.IsNullOrWhiteSpace(request.LegalBasis) && policy.FindBasis(request.LegalBasis.Trim()) is null)
                {
                    errors.Add("legalBasis", "unknown-value", string.Join(", ", policy.LegalBases.Select(b => b.Id)));
                }
            }

            if (errors.Any || target is null || basis is null)
            {
                return (null, null);
            }

            var by = new CaseConsent.Recorder(user.UserId, user.AgencyId, now);
            var id = Guid.CreateVersion7(now);
            return basis == SharingBasisKind.Consent
                ? (CaseConsent.Consent(id, caseId, givenBy!.Value, method!.Value, target, sections, expires!.Value, request.Note, by), agencyName)
                : (CaseConsent.Legal(id, caseId, request.LegalBasis!.Trim(), request.Citation!, target, sections, expires, request.Note, by), agencyName);
        }

        /// <summary>Exactly one of an active agency of the case's city, or an agency type.</summary>
        private async Task<(CaseConsent.Target? Target, string? Name)> TargetAsync(Request request, string caseDivision, FieldErrors errors, CancellationToken ct)
        {
            if (request.AgencyId is { } agencyId)
            {
                if (!string.IsNullOrWhiteSpace(request.AgencyType))
                {
                    errors.Add("agencyType", "consent.agency-one-of");
                    return (null, null);
                }

                var city = caseDivision[..4];
                var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId && a.IsActive && a.DivisionCode.StartsWith(city))
                    .Select(a => new { a.Type, a.Name }).SingleOrDefaultAsync(ct);
                if (agency is null)
                {
                    errors.Add("agencyId", "consent.agency-unknown");
                    return (null, null);
                }

                return (new CaseConsent.Target(agencyId, agency.Type), agency.Name);
            }

            if (string.IsNullOrWhiteSpace(request.AgencyType))
            {
                errors.Add("agencyId", "consent.agency-one-of");
                return (null, null);
            }

            return IntakeFields.Enum<AgencyType>("agencyType", request.AgencyType, errors) is { } type ? (new CaseConsent.Target(null, type), null) : (null, null);
        }

        /// <summary>A date is valid through that day in Asia/Shanghai; an instant as given. Must lie in the future.</summary>
        private static DateTimeOffset? Expiry(string? text, DateTimeOffset now, FieldErrors errors)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            DateTimeOffset? at = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? ShanghaiTime.StartOfDay(day.AddDays(1))
                : DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
            if (at is null)
            {
                errors.Add("expiresAt", "date.format");
            }
            else if (at <= now)
            {
                errors.Add("expiresAt", "consent.expiry-past");
            }

            return at;
        }
    }
}
