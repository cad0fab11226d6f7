using System.Text;
using System.Text.Json;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// Intake: opens a case from any channel with what was learned (when, where, who, what happened,
/// what they need). The receiving agency becomes the lead (first-in-charge); a mandatory report
/// goes to the nearest police unit and its reporter gets a receipt; a repeat 110 alarm for a
/// household with an open case is attached to it. The acting user and agency come from the
/// sign-in, never from the body. An <c>Idempotency-Key</c> makes retries safe.
/// </summary>
public static partial class OpenCase
{
    /// <param name="Channel">police-110, hotline, walk-in, grid-report, mandatory-report, self-report.</param>
    /// <param name="DivisionCode">The 12-digit community (or village) where it happened.</param>
    /// <param name="ReporterInstitution">For an institution's report recorded by the police: the kind of institution that reported (school, hospital, …); employer or other are under no reporting duty and are refused on this channel.</param>
    /// <param name="VictimCapacity">For an institution's report: the victim's civil capacity — none, limited or full (Civil Code Arts 17–22); derived from the victim's birth date where that decides it.</param>
    /// <param name="CapacityBasis">For a capacity other than by age: as-declared or as-observed (by the reporter).</param>
    /// <param name="VictimLivesOnOwnLabour">A victim of 16 or 17 living mainly on her own labour has full capacity (Civil Code Art 18(2)).</param>
    /// <param name="SealReporter">For a referral (no duty): the reporter asks that its identity be kept confidential. A mandatory report is always sealed.</param>
    /// <param name="SuspectedTrafficking">The victim is a woman suspected of being trafficked or abducted (WRPL 2022 Art 22).</param>
    public sealed record Request(
        string? Channel,
        string? Summary,
        string? DivisionCode,
        DateTimeOffset? OccurredAt = null,
        string? Address = null,
        IReadOnlyList<PartyInput?>? Parties = null,
        string? Relationship = null,
        IReadOnlyList<string?>? ViolenceForms = null,
        Observation? Injuries = null,
        Observation? Weapons = null,
        bool? ChildrenPresent = null,
        IReadOnlyList<string?>? Needs = null,
        bool? ConsentGiven = null,
        string? ReporterInstitution = null,
        string? VictimCapacity = null,
        string? CapacityBasis = null,
        bool? VictimLivesOnOwnLabour = null,
        bool? SealReporter = null,
        bool? SuspectedTrafficking = null);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases", HandleHttp)
            .WithName("OpenCase")
            .WithTags("Cases")
            .WithSummary("Intake: open a case (the receiving agency leads), or attach a repeat 110 alarm to the household's open case (200, attachedToExisting)")
            .WithDescription("Send an Idempotency-Key header to make retries safe: the same key and body return the same answer; the same key with another body is refused (422).");

    private static async Task<Results<Created<CaseDto>, Ok<CaseDto>, Created<ReportReceiptDto>, ValidationProblem, ProblemHttpResult, ContentHttpResult>> HandleHttp(
        Request request,
        [FromHeader(Name = IdempotencyStore.Header)] string? idempotencyKey,
        HttpContext http,
        Handler handler,
        IStringLocalizer<Request> text,
        CancellationToken ct)
    {
        if (idempotencyKey is not null && !IdempotencyStore.IsValidKey(idempotencyKey))
        {
            return new FieldErrors(text).Add(IdempotencyStore.Header, "idempotency.key-format", IdempotencyRecord.KeyMaxLength).ToProblem();
        }

        var outcome = await handler.HandleAsync(request, text, ct, idempotencyKey);
        switch (outcome)
        {
            case { Errors: { } errors }:
                return errors.ToProblem();
            case { KeyReusedWithOtherBody: true }:
                return TypedResults.Problem(
                    text["error.idempotency.mismatch"].Value,
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: text["error.idempotency.title"].Value,
                    extensions: new Dictionary<string, object?> { ["code"] = "idempotency.mismatch" });
            case { Stored: { } stored }:
                if (stored.Location is not null)
                {
                    http.Response.Headers.Location = stored.Location;
                }

                return TypedResults.Content(stored.Body, "application/json", Encoding.UTF8, stored.StatusCode);
            case { Receipt: { } receipt }:
                return TypedResults.Created(ReceiptLocation(receipt.Id), receipt);
            case { Case: { } opened, Attached: true }:
                return TypedResults.Ok(opened);
            default:
                return TypedResults.Created(CaseLocation(outcome.Case!.Id), outcome.Case);
        }
    }

    public static string CaseLocation(Guid id) => $"/api/v1/cases/{id}";

    public static string ReceiptLocation(Guid id) => $"/api/v1/reports/{id}";

    /// <summary>The answer a retry gets again: status, Location and the exact body.</summary>
    public sealed record StoredResponse(int StatusCode, string? Location, string Body);

    /// <summary>
    /// One of: field errors; a new case (or, for a reporter, a receipt); an existing case a repeat
    /// alarm was attached to; the stored answer to an earlier request with the same key; or a key
    /// reused with another body.
    /// </summary>
    public sealed record Outcome(
        CaseDto? Case = null,
        ReportReceiptDto? Receipt = null,
        bool Attached = false,
        FieldErrors? Errors = null,
        StoredResponse? Stored = null,
        bool KeyReusedWithOtherBody = false);

    /// <summary>Serialises answers exactly as the API writes them, so a stored answer replays byte for byte.</summary>
    public sealed class AnswerWriter(IOptions<HttpJsonOptions> json)
    {
        public JsonSerializerOptions Options => json.Value.SerializerOptions;

        public StoredResponse Write(Outcome outcome) => outcome switch
        {
            { Receipt: { } receipt } => new(StatusCodes.Status201Created, ReceiptLocation(receipt.Id), JsonSerializer.Serialize(receipt, Options)),
            { Case: { } c, Attached: true } => new(StatusCodes.Status200OK, null, JsonSerializer.Serialize(c, Options)),
            { Case: { } c } => new(StatusCodes.Status201Created, CaseLocation(c.Id), JsonSerializer.Serialize(c, Options)),
            _ => throw new InvalidOperationException("Only successful answers are stored."),
        };
    }
}
