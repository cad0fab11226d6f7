using Lianhu.Domain.Clocks;
using Lianhu.Domain.Instruments;
using Lianhu.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// Scores answers with an instrument without recording anything: the API twin of
/// <c>lianhu score</c>, returning exactly the same JSON (<see cref="ScoreResultJson"/>). Uses the
/// database's latest version unless the request pins one.
/// </summary>
public static class ScoreInstrument
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/instruments/{id}/score", HandleHttp)
            .WithName("ScoreInstrument")
            .WithTags("Instruments")
            .WithSummary("Score answers with an instrument (nothing is stored)");

    private static async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> HandleHttp(
        string id, ScoreRequest request, Handler handler, IStringLocalizer<ScoreRequest> text, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, request, text, ct);
        if (outcome.Errors is { } errors)
        {
            return errors.ToProblem();
        }

        return outcome.Json is { } json ? TypedResults.Text(json, "application/json") : TypedResults.NotFound();
    }

    /// <param name="Json">The result; null with no errors means the instrument does not exist.</param>
    public sealed record Outcome(string? Json, ScoreResult? Result, FieldErrors? Errors);

    public sealed class Handler(InstrumentStore store, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(string id, ScoreRequest request, IStringLocalizer text, CancellationToken ct)
        {
            var errors = new FieldErrors(text);
            var definition = await store.FindAsync(id, request.Version, ct);
            if (definition is null)
            {
                if (request.Version is null || !await store.ExistsAsync(id, ct))
                {
                    return new Outcome(null, null, null);
                }

                return new Outcome(null, null, errors.Add("version", "instrument.no-version", id, request.Version));
            }

            try
            {
                var result = InstrumentScorer.Score(definition, request.ToInput(ShanghaiTime.DayOf(time.GetUtcNow())));
                return new Outcome(ScoreResultJson.Serialize(result), result, null);
            }
            catch (AssessmentValidationException ex)
            {
                return new Outcome(null, null, errors.Add(ex));
            }
        }
    }
}
