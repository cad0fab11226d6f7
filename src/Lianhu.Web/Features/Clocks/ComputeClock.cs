using System.Text;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// <c>POST /api/v1/clock-rules/{id}/compute</c>: the due time of a rule from a start, without
/// starting a clock. Answers the same JSON as <c>lianhu clock &lt;rule&gt; --at … --json</c>
/// (<see cref="ClockComputationJson"/>); a bad input is a 400 naming the field.
/// </summary>
public static class ComputeClock
{
    public sealed record Request(string? At, bool? Emergency, int? Months, string? Reading);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/clock-rules/{id}/compute", HandleHttp)
            .WithName("ComputeClock")
            .WithTags("Clocks")
            .WithSummary("Compute a due time: rule, due, last_day, reading, source and the explanation");

    private static Results<ContentHttpResult, ValidationProblem> HandleHttp(string id, Request request, ClockRuleCatalogue catalogue, IStringLocalizer<Request> text)
    {
        var result = ClockRequest.Compute(catalogue, id, request.At, request.Emergency ?? false, request.Months, request.Reading, ruleField: "id");
        return result.Ok
            ? TypedResults.Text(ClockComputationJson.Serialize(result.Computation!), "application/json", Encoding.UTF8)
            : result.AddTo(new FieldErrors(text)).ToProblem();
    }
}
