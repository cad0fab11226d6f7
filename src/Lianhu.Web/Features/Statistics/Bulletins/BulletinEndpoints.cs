using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Hosting;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Statistics.Bulletins;

/// <summary>
/// <c>POST /api/v1/bulletins</c> {period} (a supervisor or statistician of a linkage centre) makes
/// the next version for the centre's division; <c>GET /api/v1/bulletins</c> lists those of the
/// caller's division and below; <c>GET /api/v1/bulletins/{id}</c>, <c>.pdf</c>, <c>.xlsx</c> read one
/// (audited). Supervisors and statisticians read bulletins; others get 403; another division's is 404.
/// </summary>
public static class BulletinEndpoints
{
    public sealed record GenerateRequest(string? Period);

    public sealed record BulletinSummaryDto(Guid Id, string DivisionCode, string Period, int Version, string SchemeId, int SchemeVersion, DateTimeOffset CreatedAt, bool Automatic);

    public sealed record BulletinDto(Guid Id, string DivisionCode, string Period, int Version, string SchemeId, int SchemeVersion, DateTimeOffset CreatedAt, bool Automatic, BulletinFigures Figures);

    private const string Why = "the monthly bulletin: published aggregate figures of a division, never case content";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/bulletins", async Task<Results<Created<BulletinSummaryDto>, ValidationProblem, ProblemHttpResult>> (GenerateRequest body, Handler handler, CancellationToken ct) =>
            {
                var (made, errors, forbidden) = await handler.GenerateAsync(body?.Period, ct);
                return forbidden ? handler.Forbidden("statistics.bulletin.forbidden-generate")
                    : errors is not null ? errors.ToProblem()
                    : TypedResults.Created($"/api/v1/bulletins/{made!.Id}", Summary(made));
            })
            .WithName("GenerateBulletin").WithTags("Statistics")
            .WithSummary("Make the next version of the monthly bulletin of your linkage centre's division for a month (yyyy-MM)");

        api.MapGet("/bulletins", async Task<Results<Ok<IReadOnlyList<BulletinSummaryDto>>, ProblemHttpResult>> (Handler handler, CancellationToken ct) =>
                await handler.ListAsync(ct) is { } list ? TypedResults.Ok(list) : handler.Forbidden("statistics.bulletin.forbidden"))
            .WithName("ListBulletins").WithTags("Statistics")
            .WithSummary("The bulletins of your division and the divisions below it, newest first");

        MapRead(api);
    }

    /// <summary>The page's links and its button (cookie sign-in): the same handler; the button returns to the page.</summary>
    public static void MapForPages(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/statistics").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        MapRead(pages, "/bulletins", "FromPage");
        pages.MapPost("/bulletins/generate", async ([FromForm] string? period, Handler handler, CancellationToken ct) =>
            {
                var (_, errors, forbidden) = await handler.GenerateAsync(period, ct);
                return Results.LocalRedirect(forbidden || errors is not null ? "/statistics/bulletins" : "/statistics/bulletins?made=true");
            })
            .WithName("GenerateBulletinFromPage")
            .NotACaseStep(Why);
    }

    /// <summary>The reading routes, on the API and for the pages' links (cookie sign-in).</summary>
    public static void MapRead(IEndpointRouteBuilder group, string prefix = "/bulletins", string name = "")
    {
        group.MapGet(prefix + "/{id:guid}", async Task<Results<Ok<BulletinDto>, NotFound, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            {
                var (record, figures, forbidden) = await handler.ReadAsync(id, "json", ct);
                return forbidden ? handler.Forbidden("statistics.bulletin.forbidden")
                    : record is null ? TypedResults.NotFound()
                    : TypedResults.Ok(new BulletinDto(record.Id, record.DivisionCode, record.Period, record.Version, record.SchemeId, record.SchemeVersion, record.CreatedAt, record.CreatedBy is null, figures!));
            })
            .WithName("GetBulletin" + name).WithTags("Statistics").WithSummary("One published bulletin as JSON").NotACaseStep(Why);

        group.MapGet(prefix + "/{id:guid}.pdf", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (Guid id, Handler handler, BulletinDocuments documents, CancellationToken ct) =>
            {
                if (!documents.Available)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No CJK font for the PDF");
                }

                var (record, figures, forbidden) = await handler.ReadAsync(id, "pdf", ct);
                return forbidden ? handler.Forbidden("statistics.bulletin.forbidden")
                    : record is null ? TypedResults.NotFound()
                    : TypedResults.File(documents.Pdf(figures!, record.Version, record.CreatedAt), "application/pdf", $"bulletin-{record.DivisionCode}-{record.Period}-v{record.Version}.pdf");
            })
            .WithName("GetBulletinPdf" + name).WithTags("Statistics").WithSummary("One published bulletin as a printable PDF in Chinese").NotACaseStep(Why);

        group.MapGet(prefix + "/{id:guid}.xlsx", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (Guid id, Handler handler, CancellationToken ct) =>
            {
                var (record, figures, forbidden) = await handler.ReadAsync(id, "xlsx", ct);
                return forbidden ? handler.Forbidden("statistics.bulletin.forbidden")
                    : record is null ? TypedResults.NotFound()
                    : TypedResults.File(BulletinDocuments.Xlsx(figures!, handler.Text), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bulletin-{record.DivisionCode}-{record.Period}-v{record.Version}.xlsx");
            })
            .WithName("GetBulletinXlsx" + name).WithTags("Statistics").WithSummary("One published bulletin as Excel").NotACaseStep(Why);
    }

    public static BulletinSummaryDto Summary(BulletinRecord b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Id, b.DivisionCode, b.Period, b.Version, b.SchemeId, b.SchemeVersion, b.CreatedAt, b.CreatedBy is null);
    }

    public sealed class Handler(LianhuDbContext db, BulletinMaker maker, CurrentUserAccessor current, TimeProvider time, AuditTrail audit, IStringLocalizer<Handler> text)
    {
        public string Text(string key) => text[key].Value;

        public ProblemHttpResult Forbidden(string code) => Problems.Forbidden(text, code);

        /// <summary>Supervisors and statisticians read bulletins (the leading group's seat and the centres' heads).</summary>
        public static bool MayRead(CurrentUser user) => user.Has(Role.Supervisor) || user.Has(Role.Statistician);

        /// <summary>A supervisor or statistician of a linkage centre makes one for the centre's division.</summary>
        public static bool MayGenerate(CurrentUser user) => user.AgencyType == AgencyType.LinkageCentre && MayRead(user);

        public async Task<(BulletinRecord? Made, FieldErrors? Errors, bool Forbidden)> GenerateAsync(string? period, CancellationToken ct)
        {
            var user = current.Required;
            if (!MayGenerate(user))
            {
                return (null, null, true);
            }

            period = period?.Trim();
            if (BulletinMaker.ParsePeriod(period, time.GetUtcNow()) is null)
            {
                return (null, new FieldErrors(text).Add("period", "statistics.bulletin.period"), false);
            }

            var centre = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == user.AgencyId, ct);
            var made = await maker.MakeAsync(centre, period!, user.UserId, onlyFirst: false, ct);
            audit.Record(user.AsActor(), AuditAction.BulletinGenerate, "bulletin", made!.Id.ToString(), reason: $"division={made.DivisionCode};period={made.Period};version={made.Version}");
            await db.SaveChangesAsync(ct);
            return (made, null, false);
        }

        public async Task<IReadOnlyDictionary<string, string>> DivisionNamesAsync(IReadOnlyList<string> codes, CancellationToken ct) =>
            await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, ct);

        public async Task<IReadOnlyList<BulletinSummaryDto>?> ListAsync(CancellationToken ct)
        {
            var user = current.Required;
            if (!MayRead(user))
            {
                return null;
            }

            var prefix = user.Division.ScopePrefix;
            var rows = await db.Bulletins.AsNoTracking().Where(b => b.DivisionCode.StartsWith(prefix))
                .OrderByDescending(b => b.Period).ThenBy(b => b.DivisionCode).ThenByDescending(b => b.Version).Take(500).ToListAsync(ct);
            return [.. rows.Select(Summary)];
        }

        public async Task<(BulletinRecord? Record, BulletinFigures? Figures, bool Forbidden)> ReadAsync(Guid id, string format, CancellationToken ct)
        {
            var user = current.Required;
            if (!MayRead(user))
            {
                return (null, null, true);
            }

            var prefix = user.Division.ScopePrefix;
            var record = await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.DivisionCode.StartsWith(prefix), ct);
            if (record is null)
            {
                return (null, null, false);
            }

            audit.Record(user.AsActor(), AuditAction.BulletinRead, "bulletin", record.Id.ToString(), reason: $"division={record.DivisionCode};period={record.Period};version={record.Version};format={format}");
            await db.SaveChangesAsync(ct);
            return (record, JsonSerializer.Deserialize<BulletinFigures>(record.FiguresJson, BulletinMaker.Json), false);
        }
    }
}
