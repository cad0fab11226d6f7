using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// <c>GET /api/v1/statistics/{indicator}?by=&amp;tier=&amp;from=&amp;to=&amp;period=[&amp;format=csv|xlsx]</c>:
/// a figure cut by one dimension, in the viewer's scope, small cells protected for viewers without
/// case access; as CSV or Excel when a format is asked (audited with the filter and row count).
/// </summary>
public static class GetStatistics
{
    public sealed record RowDto(string Key, string Label, decimal? Value, int? Numerator, int? Denominator, int? Count, bool Suppressed, string Display);

    public sealed record FigureDto(
        string Indicator, int Version, string Name, string Definition, string Kind, string By, string Tier, DateOnly From, DateOnly To, string Period,
        bool Protected, IReadOnlyList<RowDto> Rows, RowDto Total);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/{indicator}", async Task<Results<Ok<FigureDto>, FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> (
                string indicator, string? format, HttpRequest request, Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(indicator, StatisticsRequest.FromQuery(request.Query), format, ct);
                return outcome switch
                {
                    { Forbidden: true } => handler.Forbidden(),
                    { Unknown: true } => TypedResults.NotFound(),
                    { Errors: { } errors } => errors.ToProblem(),
                    { File: { } file } => TypedResults.File(file.Content, file.ContentType, file.Name),
                    _ => TypedResults.Ok(outcome.Figure!),
                };
            })
            .WithName("GetStatistics")
            .WithTags("Statistics")
            .WithSummary("A figure by one dimension in your scope (small cells protected without case access); format=csv|xlsx exports it");

    /// <summary>The dashboard's export links (cookie-signed pages): the same handler, a file or the problem.</summary>
    public static void MapForPages(IEndpointRouteBuilder app) =>
        app.MapGet("/statistics/export", async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> (
                string? indicator, string? format, HttpRequest request, Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(indicator ?? string.Empty, StatisticsRequest.FromQuery(request.Query), format ?? "csv", ct);
                return outcome switch
                {
                    { Forbidden: true } => handler.Forbidden(),
                    { File: { } file } => TypedResults.File(file.Content, file.ContentType, file.Name),
                    { Errors: { } errors } => errors.ToProblem(),
                    _ => TypedResults.NotFound(),
                };
            })
            .WithName("ExportStatisticsFromPage")
            .ExcludeFromDescription();

    public sealed record ExportFile(byte[] Content, string ContentType, string Name);

    public sealed record Outcome(FigureDto? Figure = null, ExportFile? File = null, FieldErrors? Errors = null, bool Unknown = false, bool Forbidden = false);

    public sealed class Handler(
        LianhuDbContext db, MetricsLayer metrics, IndicatorCatalogue catalogue, CurrentUserAccessor current, TimeProvider time,
        StatisticsLabels labels, AuditTrail audit, IStringLocalizer<Handler> text)
    {
        public ProblemHttpResult Forbidden() => Problems.Forbidden(text, "statistics.forbidden");

        public async Task<Outcome> HandleAsync(string id, StatisticsRequest request, string? format, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var user = current.Required;
            if (!StatisticsScope.MayView(user))
            {
                return new Outcome(Forbidden: true);
            }

            if (catalogue.Find(id) is not { } indicator)
            {
                return new Outcome(Unknown: true);
            }

            var (query, errors) = request.Check(indicator, user, time, text);
            if (format is not null && !StatisticsExport.Formats.Contains(format))
            {
                errors ??= new FieldErrors(text);
                errors.Add("format", "statistics.format", string.Join(", ", StatisticsExport.Formats));
            }

            if (errors is not null)
            {
                return new Outcome(Errors: errors);
            }

            var result = await metrics.ComputeAsync(indicator, query!, user, ct);
            if (format is null)
            {
                return new Outcome(Figure: ToDto(result));
            }

            var file = format == "csv"
                ? new ExportFile(StatisticsExport.Csv(result, labels), "text/csv; charset=utf-8", $"{indicator.Id}.csv")
                : new ExportFile(StatisticsExport.Xlsx(result, labels), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{indicator.Id}.xlsx");
            audit.Record(user.AsActor(), AuditAction.StatisticsExport, "indicator", $"{indicator.Id}.v{indicator.Version}",
                reason: $"{query!.Describe()};format={format};rows={result.Rows.Count}");
            await db.SaveChangesAsync(ct);
            return new Outcome(File: file);
        }

        public static FigureDto ToDto(StatisticsResult r)
        {
            ArgumentNullException.ThrowIfNull(r);
            var zh = Localization.JsonStringLocalizer.CultureKey() != "en";
            return new FigureDto(
                r.Indicator.Id, r.Indicator.Version, zh ? r.Indicator.Name.ZhCn : r.Indicator.Name.En, zh ? r.Indicator.Definition.ZhCn : r.Indicator.Definition.En,
                r.Indicator.Kind, r.Query.By, StableName.Of(r.Query.Tier), r.Query.From, r.Query.To, r.Query.Period, r.Protected,
                [.. r.Rows.Select(Row)], Row(r.Total));
        }

        private static RowDto Row(StatisticsRow r) => new(r.Key, r.Label, r.Value, r.Numerator, r.Denominator, r.Count, r.Suppressed, r.Display);
    }
}
