using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// Creates a city's own instrument (a local scale) as its version 1. The body is a full
/// definition with a new kebab-case <c>id</c>; an id that already exists is a 409 (publish a new
/// version of it instead).
/// </summary>
public static class CreateInstrument
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/instruments", async Task<Results<Created<InstrumentVersionDto>, NotFound, ValidationProblem, ForbidHttpResult>> (
                JsonObject body, PublishInstrumentVersion.Handler handler, IStringLocalizer<PublishInstrumentVersion.Handler> text, CancellationToken ct) =>
                PublishInstrumentVersion.ToHttp(await handler.PublishAsync(IdOf(body), body, newInstrument: true, text, ct)))
            .RequireAuthorization(InstrumentPublishers.Policy)
            .WithName("CreateInstrument")
            .WithTags("Instruments")
            .WithSummary("Create a local instrument (sysadmin or linkage-centre supervisor)");

    private static string? IdOf(JsonObject body) =>
        body.TryGetPropertyValue("id", out var node) && node is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
}
