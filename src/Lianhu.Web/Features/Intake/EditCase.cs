using System.Globalization;
using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Intake;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// Corrects a case's summary, time or place with optimistic concurrency: the caller says which
/// version they edited (<c>If-Match: "3"</c>, or <c>version</c> in the body); if someone changed
/// the case since, the answer is 409 with the current version and nothing is written.
/// </summary>
public static class EditCase
{
    /// <param name="Summary">New summary, or null to keep it.</param>
    /// <param name="OccurredAt">New time of the incident, or null to keep it.</param>
    /// <param name="Address">New address, "" to clear it, or null to keep it.</param>
    /// <param name="Version">The version edited, when the If-Match header is not used.</param>
    public sealed record Request(string? Summary = null, DateTimeOffset? OccurredAt = null, string? Address = null, int? Version = null);

    public static string ETag(int version) => CaseView.ETag(version);

    /// <summary>Reads <c>"3"</c>, <c>W/"3"</c> or <c>3</c>.</summary>
    public static int? ParseIfMatch(string? header)
    {
        var text = header?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return int.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPatch("/cases/{id:guid}", HandleHttp).OnCase(CaseSteps.EditCase)
            .WithName("EditCase")
            .WithTags("Cases")
            .WithSummary("Correct summary, time or address; requires If-Match with the version read (409 with the current version when it moved on)");

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> HandleHttp(
        Guid id, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, Handler handler, IStringLocalizer<Request> text, CancellationToken ct)
    {
        var version = ParseIfMatch(ifMatch) ?? request.Version;
        if (version is null)
        {
            return TypedResults.Problem(
                text["error.version.required"].Value, statusCode: StatusCodes.Status428PreconditionRequired, title: text["error.version.required-title"].Value,
                extensions: new Dictionary<string, object?> { ["code"] = "version.required" });
        }

        var outcome = await handler.HandleAsync(id, request, version.Value, text, ct);
        switch (outcome)
        {
            case { NotFound: true }:
                return TypedResults.NotFound();
            case { Refused: { } refused }:
                return (ProblemHttpResult)refused.ToHttp(text);
            case { Errors: { } errors }:
                return errors.ToProblem();
            case { CurrentVersion: { } current }:
                http.Response.Headers.ETag = ETag(current);
                return TypedResults.Problem(
                    text["error.version.mismatch", version.Value, current].Value, statusCode: StatusCodes.Status409Conflict, title: text["error.conflict-title"].Value,
                    extensions: new Dictionary<string, object?> { ["code"] = "version.mismatch", ["currentVersion"] = current });
            default:
                http.Response.Headers.ETag = ETag(outcome.Case!.Version);
                return TypedResults.Ok(outcome.Case);
        }
    }

    public sealed record Outcome(CaseDto? Case = null, FieldErrors? Errors = null, int? CurrentVersion = null, bool NotFound = false, StepResult? Refused = null);

    /// <summary>Shared by the API and the edit page.</summary>
    public sealed class Handler(
        LianhuDbContext db, CaseGate gate, AuditTrail audit, TimeProvider time, PersonIndexer indexer, CaseTimeline timeline)
    {
        public async Task<Outcome> HandleAsync(Guid id, Request request, int version, IStringLocalizer text, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(id, CaseSteps.EditCase, ct);
            if (entered.Value is not { } inside)
            {
                return entered.Status == StepStatus.NotFound ? new Outcome(NotFound: true) : new Outcome(Refused: entered);
            }

            // The address is where she can be found: changing it needs the contact section too.
            if (request.Address is not null && inside.Require(CaseSection.Contact, StepAction.Write) is { } contact)
            {
                return new Outcome(Refused: contact);
            }

            var (user, found) = (inside.User, inside.Case);

            var errors = new FieldErrors(text);
            if (request.Summary is not null)
            {
                errors.Required("summary", request.Summary).MaxLength("summary", request.Summary.Trim(), Case.SummaryMaxLength);
            }

            errors.MaxLength("address", request.Address?.Trim(), IntakeDetails.AddressMaxLength);
            var now = time.GetUtcNow();
            if (request.OccurredAt is { } at && at > now.AddMinutes(5))
            {
                errors.Add("occurredAt", "date.future");
            }

            if (errors.Any)
            {
                return new Outcome(Errors: errors);
            }

            if (found.Version != version)
            {
                return new Outcome(CurrentVersion: found.Version);
            }

            var intake = await db.CaseIntakes.SingleOrDefaultAsync(i => i.CaseId == id, ct);
            if (intake is null && (request.Address is not null || request.OccurredAt is not null))
            {
                intake = CaseIntake.Record(id, new IntakeDetails(), null);
                db.CaseIntakes.Add(intake);
            }

            var changed = new List<string>();
            if (request.Summary is not null && request.Summary.Trim() != found.Summary)
            {
                found.ChangeSummary(request.Summary, now);
                changed.Add("summary");
            }

            if (request.OccurredAt is { } occurred && intake!.OccurredAt != occurred.ToUniversalTime())
            {
                intake.ChangeOccurredAt(occurred.ToUniversalTime());
                changed.Add("occurredAt");
            }

            if (request.Address is not null && (intake!.Address ?? string.Empty) != request.Address.Trim())
            {
                intake.ChangeAddress(request.Address, indexer.Address(request.Address));
                changed.Add("address");
            }

            if (changed.Count > 0)
            {
                if (!changed.Contains("summary"))
                {
                    found.MarkEdited(now); // the intake lives beside the case; the case's version still moves on
                }

                timeline.Record(id, CaseEventKind.Edited, CaseSections.Intake, user.AgencyId, user.UserId, detail: string.Join(',', changed));
                audit.Record(user.AsActor(), AuditAction.CaseUpdate, "case", id.ToString(), CaseSections.Intake);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.ChangeTracker.Clear();
                    var now2 = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleAsync(ct);
                    return new Outcome(CurrentVersion: now2);
                }
            }

            // The answer shows what the caller may read, and its trace says so, like any read.
            var (dto, shown) = await CaseView.LoadAsync(db, inside, ct);
            audit.Record(user.AsActor(), AuditAction.CaseRead, "case", id.ToString(), CaseView.SectionList(shown));
            await db.SaveChangesAsync(ct);
            return new Outcome(Case: dto);
        }
    }
}
