using System.Globalization;
using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Retention;

/// <summary>
/// The retention job for the city's system administrators: <c>GET /api/v1/admin/retention/report</c>
/// is the dry run — which closed cases, by number and closure date only (no personal data), are
/// past the period (anonymised when applied) and which reach it within the report horizon, and when —
/// and <c>POST /api/v1/admin/retention/apply</c> anonymises them once the admin has typed the
/// confirmation the report shows (it names the number of cases, so a report that changed since it
/// was read is refused). Viewing and applying are audited under the admin's name.
/// </summary>
public static class RetentionReport
{
    public const string ConfirmationWord = "ANONYMISE";

    public sealed record CaseRow(Guid Id, string Number, DateTimeOffset ClosedAt, DateTimeOffset AnonymiseFrom);

    public sealed record ReportDto(
        int AnonymiseAfterYears, DateTimeOffset ClosedBefore, IReadOnlyList<CaseRow> Due, IReadOnlyList<CaseRow> Upcoming, int HorizonDays,
        IReadOnlyDictionary<string, int> Items, string Confirmation, bool Applied);

    public sealed record ApplyRequest(string? Confirmation);

    /// <summary>The phrase to type to apply a report of <paramref name="cases"/> cases.</summary>
    public static string ConfirmationFor(int cases) => $"{ConfirmationWord}-{cases.ToString(CultureInfo.InvariantCulture)}";

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/admin/retention/report", async Task<Results<Ok<ReportDto>, ProblemHttpResult>> (Handler h, IStringLocalizer<ApplyRequest> text, CancellationToken ct) =>
                await h.ReportAsync(ct) is { } report ? TypedResults.Ok(report) : Problems.Forbidden(text, "retention.city-only"))
            .WithName("RetentionReport").WithTags("Admin").WithSummary("Dry run: closed cases the retention job would anonymise (numbers and dates only)");
        admin.MapPost("/admin/retention/apply", async Task<Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> (ApplyRequest request, Handler h, IStringLocalizer<ApplyRequest> text, CancellationToken ct) =>
            {
                var (report, errors) = await h.ApplyAsync(request, text, ct);
                return errors is not null ? errors.ToProblem() : report is not null ? TypedResults.Ok(report) : Problems.Forbidden(text, "retention.city-only");
            })
            .WithName("ApplyRetention").WithTags("Admin").WithSummary("Anonymise the closed cases past the retention period (needs the typed confirmation)");
    }

    public sealed class Handler(LianhuDbContext db, RetentionJob job, CurrentUserAccessor current, AuditTrail audit, RetentionPolicy policy)
    {
        /// <summary>Only a system administrator of a city-level agency runs retention for the city.</summary>
        public bool MayRun => current.Required.Has(Domain.Access.Role.Sysadmin) && current.Required.Division.Tier == Tier.City;

        /// <returns>The dry-run report; null when the caller may not run retention.</returns>
        public async Task<ReportDto?> ReportAsync(CancellationToken ct)
        {
            if (!MayRun)
            {
                return null;
            }

            var report = await BuildAsync(dryRun: true, ct);
            audit.Record(current.Required.AsActor(), AuditAction.RetentionReport, "retention", report.ClosedBefore.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            return report;
        }

        /// <returns>The applied report, or errors (a missing or stale confirmation), or neither when the caller may not run retention.</returns>
        public async Task<(ReportDto? Report, FieldErrors? Errors)> ApplyAsync(ApplyRequest request, IStringLocalizer text, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (!MayRun)
            {
                return (null, null);
            }

            var preview = await BuildAsync(dryRun: true, ct);
            if (!string.Equals(request.Confirmation?.Trim(), preview.Confirmation, StringComparison.Ordinal))
            {
                return (null, new FieldErrors(text).Add("confirmation", "retention.confirmation", preview.Confirmation));
            }

            var actor = current.Required.AsActor();
            var applied = await BuildAsync(dryRun: false, ct, actor);
            audit.Record(actor, AuditAction.RetentionApply, "retention", applied.ClosedBefore.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason: $"{applied.Due.Count} cases");
            await db.SaveChangesAsync(ct);
            return (applied, null);
        }

        private async Task<ReportDto> BuildAsync(bool dryRun, CancellationToken ct, Domain.Access.AuditActor? actor = null)
        {
            var years = policy.AnonymiseAfterYears;
            var run = await job.RunAsync(years, dryRun, ct, actor);
            var horizon = run.ClosedBefore.AddDays(policy.ReportHorizonDays);
            var upcoming = await db.Cases.AsNoTracking()
                .Where(c => c.Status == CaseStatus.Closed && c.AnonymisedAt == null && c.ClosedAt >= run.ClosedBefore && c.ClosedAt < horizon)
                .OrderBy(c => c.ClosedAt).Select(c => new { c.Id, c.Number, c.ClosedAt }).ToListAsync(ct);
            return new ReportDto(
                years, run.ClosedBefore,
                [.. run.Expired.Select(c => new CaseRow(c.Id, c.Number, c.ClosedAt, c.AnonymiseFrom))],
                [.. upcoming.Select(c => new CaseRow(c.Id, c.Number, c.ClosedAt!.Value, c.ClosedAt.Value.AddYears(years)))],
                policy.ReportHorizonDays, run.Items, ConfirmationFor(run.Cases), !dryRun);
        }
    }
}
