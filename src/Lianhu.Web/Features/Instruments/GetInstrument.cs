using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianhu.Web.Features.Instruments;

/// <summary>One version of an instrument's definition (the latest unless <c>?version=N</c>), in the file format of <c>config/instruments</c>.</summary>
public static class GetInstrument
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/instruments/{id}", async Task<Results<ContentHttpResult, NotFound>> (string id, int? version, InstrumentStore store, CancellationToken ct) =>
                await store.FindRowAsync(id, version, ct) is { } row
                    ? TypedResults.Text(row.DefinitionJson, "application/json")
                    : TypedResults.NotFound())
            .WithName("GetInstrument")
            .WithTags("Instruments")
            .WithSummary("An instrument definition (latest version, or ?version=N)");
}
