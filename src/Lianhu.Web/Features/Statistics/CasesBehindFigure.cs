using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// <c>GET /api/v1/statistics/{indicator}/cases?key=&amp;part=&amp;by=…</c>: the cases behind one cell
/// (<c>key</c>, or <c>total</c>), made by the same <see cref="MetricsLayer"/> as the figure and read
/// again through <see cref="StatisticsScope.Cases"/> (which is <see cref="CaseScope.VisibleTo"/> for
/// the cases the viewer answers for) — so no list ever holds a case the viewer's case list would not. A statistician sees figures only: 403. Audited with the cell and the count.
/// </summary>
public static class CasesBehindFigure
{
    public const int MaxItems = 500;

    public sealed record CasesDto(string Indicator, int Version, string Key, int Total, IReadOnlyList<CaseSummaryDto> Items);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/{indicator}/cases", async Task<Results<Ok<CasesDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                string indicator, string? key, string? part, HttpRequest request, Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(indicator, key, part, StatisticsRequest.FromQuery(request.Query), ct);
                return outcome switch
                {
                    { Forbidden: true } => handler.Forbidden(),
                    { Unknown: true } => TypedResults.NotFound(),
                    { Errors: { } errors } => errors.ToProblem(),
                    _ => TypedResults.Ok(outcome.Cases!),
                };
            })
            .WithName("ListCasesBehindFigure")
            .WithTags("Statistics")
            .WithSummary("The cases behind one cell of a figure, within your case scope (not for statisticians)");

    public sealed record Outcome(CasesDto? Cases = null, FieldErrors? Errors = null, bool Unknown = false, bool Forbidden = false);

    public sealed class Handler(LianhuDbContext db, MetricsLayer metrics, IndicatorCatalogue catalogue, CurrentUserAccessor current, TimeProvider time, AuditTrail audit, IStringLocalizer<Handler> text)
    {
        public ProblemHttpResult Forbidden() => Problems.Forbidden(text, "statistics.no-case-access");

        public async Task<Outcome> HandleAsync(string id, string? key, string? part, StatisticsRequest request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var user = current.Required;
            if (!StatisticsScope.ReadsCases(user))
            {
                return new Outcome(Forbidden: true);
            }

            if (catalogue.Find(id) is not { } indicator)
            {
                return new Outcome(Unknown: true);
            }

            var (query, errors) = request.Check(indicator, user, time, text);
            errors ??= new FieldErrors(text);
            if (string.IsNullOrWhiteSpace(key) || key.Trim().Length > 64 || !key.Trim().All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
            {
                errors.Add("key", "statistics.key");
            }

            if (part is not null && part is not ("numerator" or "denominator"))
            {
                errors.Add("part", "statistics.part");
            }

            if (errors.Any)
            {
                return new Outcome(Errors: errors);
            }

            var ids = await metrics.CasesBehindAsync(indicator, query!, user, key!.Trim(), part == "numerator", ct);
            var visible = StatisticsScope.Cases(db, user).AsNoTracking().Where(c => ids.Contains(c.Id));
            var total = await visible.CountAsync(ct);
            var cases = await visible.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(MaxItems).ToListAsync(ct);
            var names = await CaseNames.LoadAsync(db, cases, ct);
            var items = cases.Select(c => new CaseSummaryDto(
                c.Id, c.Number, StableName.Of(c.Channel), c.DivisionCode, names.Division(c.DivisionCode), c.LeadAgencyId,
                names.Agency(c.LeadAgencyId), StableName.Of(c.Status), c.CreatedAt)).ToList();
            audit.Record(user.AsActor(), AuditAction.StatisticsCasesRead, "indicator", $"{indicator.Id}.v{indicator.Version}",
                reason: $"{query!.Describe()};key={key.Trim()};part={part ?? "all"};cases={total}");
            await db.SaveChangesAsync(ct);
            return new Outcome(new CasesDto(indicator.Id, indicator.Version, key.Trim(), total, items));
        }
    }
}
