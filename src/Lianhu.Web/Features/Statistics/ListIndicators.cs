using Lianhu.Web.Api;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Statistics;

/// <summary><c>GET /api/v1/indicators</c>: the indicators in force, with their definitions and the dimensions each may be cut by.</summary>
public static class ListIndicators
{
    public sealed record IndicatorDto(string Id, int Version, string Name, string Definition, string Kind, string Source, IReadOnlyList<string> Dimensions, bool Headline);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/indicators", Results<Ok<IReadOnlyList<IndicatorDto>>, ProblemHttpResult> (IndicatorCatalogue catalogue, CurrentUserAccessor current, IStringLocalizer<IndicatorDto> text) =>
                StatisticsScope.MayView(current.Required) ? TypedResults.Ok(Describe(catalogue)) : Problems.Forbidden(text, "statistics.forbidden"))
            .WithName("ListIndicators")
            .WithTags("Statistics")
            .WithSummary("The indicators in force: names, plain-words definitions, kind, source and dimensions");

    public static IReadOnlyList<IndicatorDto> Describe(IndicatorCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var zh = Localization.JsonStringLocalizer.CultureKey() != "en";
        return [.. catalogue.Current.Select(d => new IndicatorDto(
            d.Id, d.Version, zh ? d.Name.ZhCn : d.Name.En, zh ? d.Definition.ZhCn : d.Definition.En, d.Kind, d.Source, d.Dimensions, d.Headline))];
    }
}
