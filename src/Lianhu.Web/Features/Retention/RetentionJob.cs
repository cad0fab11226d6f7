using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Retention;

/// <summary>One kind of personal content the retention job removes from an expired case (visit notes, parties …).</summary>
public interface IRetentionStep
{
    /// <summary>Removes (or counts, when <paramref name="dryRun"/>) this kind of content of the cases; returns how many items.</summary>
    Task<int> ApplyAsync(IReadOnlyList<Guid> caseIds, bool dryRun, CancellationToken ct);

    string Name { get; }
}

/// <summary>Visit notes are free text about the family: erased.</summary>
public sealed class VisitNotesRetention(LianhuDbContext db) : IRetentionStep
{
    public string Name => "visit-notes";

    public async Task<int> ApplyAsync(IReadOnlyList<Guid> caseIds, bool dryRun, CancellationToken ct)
    {
        var visits = db.Visits.Where(v => caseIds.Contains(v.CaseId) && v.Note != null);
        return dryRun ? await visits.CountAsync(ct) : await visits.ExecuteUpdateAsync(u => u.SetProperty(v => v.Note, (string?)null), ct);
    }
}

/// <summary>
/// Retention as policy (config/policies/retention.json): closed cases older than the period are
/// anonymised by an audited job; <c>--dry-run</c> reports what would change first.
/// </summary>
public sealed class RetentionJob(LianhuDbContext db, IEnumerable<IRetentionStep> steps, AuditTrail audit, TimeProvider time)
{
    /// <summary>A closed case in the report: its number and dates only, never its content.</summary>
    public sealed record ReportedCase(Guid Id, string Number, DateTimeOffset ClosedAt, DateTimeOffset AnonymiseFrom);

    public sealed record Report(DateTimeOffset ClosedBefore, int Cases, IReadOnlyDictionary<string, int> Items, bool DryRun, IReadOnlyList<ReportedCase> Expired);

    /// <param name="actor">Who applies it (the admin on the page or API); the system for the CLI.</param>
    public async Task<Report> RunAsync(int years, bool dryRun, CancellationToken ct, AuditActor? actor = null)
    {
        var now = time.GetUtcNow();
        var cutoff = now.AddYears(-years);
        var expired = await db.Cases.Where(c => c.Status == CaseStatus.Closed && c.ClosedAt < cutoff && c.AnonymisedAt == null).OrderBy(c => c.ClosedAt).ToListAsync(ct);
        var reported = expired.Select(c => new ReportedCase(c.Id, c.Number, c.ClosedAt!.Value, c.ClosedAt.Value.AddYears(years))).ToList();
        var ids = expired.Select(c => c.Id).ToList();
        var items = new Dictionary<string, int>();
        foreach (var step in steps)
        {
            items[step.Name] = await step.ApplyAsync(ids, dryRun, ct);
        }

        items["case-text"] = expired.Count;
        if (!dryRun)
        {
            foreach (var c in expired)
            {
                c.Anonymise(now);
                audit.Record(actor ?? AuditActor.System, AuditAction.CaseAnonymise, "case", c.Id.ToString(), reason: $"retention {years} years");
            }

            await db.SaveChangesAsync(ct);
        }

        return new Report(cutoff, expired.Count, items, dryRun, reported);
    }
}

/// <summary>config/policies/retention.json, read strictly (an unknown field is an error).</summary>
public sealed record RetentionPolicy(int Version, int AnonymiseAfterYears, int ReportHorizonDays, string? Note = null)
{
    public static RetentionPolicy Load(string? path = null)
    {
        path ??= Path.Combine(LianhuPaths.Config, "policies", "retention.json");
        var policy = JsonSerializer.Deserialize<RetentionPolicy>(File.ReadAllText(path), Options) ?? throw new FormatException("retention.json: empty.");
        return policy.AnonymiseAfterYears < 1 ? throw new FormatException("retention.json: anonymiseAfterYears must be at least 1.")
            : policy.ReportHorizonDays is < 0 or > 366 ? throw new FormatException("retention.json: reportHorizonDays must be 0–366.")
            : policy;
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };
}
