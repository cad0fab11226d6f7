using Lianhu.Domain.Cases;
using Lianhu.Web.Data;

namespace Lianhu.Web.Features.Cases;

/// <summary>Sections of a case the timeline is filtered by.</summary>
public static class CaseSections
{
    public const string Intake = "intake";
    public const string Parties = "parties";

    /// <summary>Linkage between agencies: lead transfer, escalation, case conferences.</summary>
    public const string Linkage = "linkage";
    /// <summary>Closure and reopening.</summary>
    public const string Closure = "closure";

    /// <summary>Anything that would identify a mandatory reporter: shown to the lead unit only.</summary>
    public const string Reporter = "reporter";
}

/// <summary>Adds entries to a case's timeline in the current unit of work (same transaction as the change).</summary>
public sealed class CaseTimeline(LianhuDbContext db, TimeProvider time)
{
    /// <param name="at">When it happened, if not now: an intake's entry carries the instant the case was opened at.</param>
    public CaseEvent Record(Guid caseId, CaseEventKind kind, string section, Guid agencyId, Guid? userId, string? note = null, string? detail = null, DateTimeOffset? at = null)
    {
        var now = at ?? time.GetUtcNow();
        var entry = CaseEvent.Record(Guid.CreateVersion7(now), caseId, now, kind, section, agencyId, userId, note, detail);
        db.CaseEvents.Add(entry);
        return entry;
    }
}
