using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianhu.Web.Features.Instruments;

/// <summary>Lists the instruments in the database with all their versions (any staff member).</summary>
public static class ListInstruments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/instruments", async Task<Ok<List<InstrumentSummaryDto>>> (Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListInstruments")
            .WithTags("Instruments")
            .WithSummary("Instruments and their versions");

    public sealed class Handler(InstrumentStore store)
    {
        public async Task<List<InstrumentSummaryDto>> HandleAsync(CancellationToken ct)
        {
            var rows = await store.AllAsync(ct);
            return [.. rows.GroupBy(r => r.InstrumentId).Select(g =>
            {
                var versions = g.OrderBy(v => v.Version).ToList();
                var latest = versions[^1].Definition();
                return new InstrumentSummaryDto(
                    g.Key,
                    latest.Name,
                    latest.Version,
                    [.. versions.Select(v => v.Version)],
                    latest.IsLocalPolicy,
                    [.. versions.Select(InstrumentVersionDto.From)]);
            })];
        }
    }
}
