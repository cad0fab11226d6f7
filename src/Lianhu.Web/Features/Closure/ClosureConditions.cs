using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Closure;

/// <summary>Something that must be finished before a case may close (open tasks, running deadlines, the final visit …).</summary>
public interface IClosureCondition
{
    /// <summary>What still blocks closure, as localisable codes with counts (empty when nothing does).</summary>
    Task<IReadOnlyList<ClosureBlocker>> BlockersAsync(Case c, CancellationToken ct);
}

/// <param name="Code">String key <c>closure.blocker.{code}</c>.</param>
public sealed record ClosureBlocker(string Code, int Count);

/// <summary>A statutory or follow-up clock still running (other than the routine reassessment cycle) blocks closure.</summary>
public sealed class RunningClocksCondition(LianhuDbContext db) : IClosureCondition
{
    public async Task<IReadOnlyList<ClosureBlocker>> BlockersAsync(Case c, CancellationToken ct)
    {
        var running = await db.Clocks.AsNoTracking()
            .CountAsync(k => k.CaseId == c.Id && (k.State == ClockState.Pending || k.State == ClockState.Reminded) && !k.RuleId.StartsWith("reassessment-"), ct);
        return running == 0 ? [] : [new ClosureBlocker("running-clocks", running)];
    }
}

/// <summary>Every task must be completed, or cancelled with a reason, before the case closes (return visits are counted on their own).</summary>
public sealed class OpenTasksCondition(LianhuDbContext db) : IClosureCondition
{
    public async Task<IReadOnlyList<ClosureBlocker>> BlockersAsync(Case c, CancellationToken ct)
    {
        var open = await db.CaseTasks.AsNoTracking().CountAsync(t => t.CaseId == c.Id && t.Kind != CaseTaskKind.ReturnVisit && TaskHolders.Open.Contains(t.Status), ct);
        return open == 0 ? [] : [new ClosureBlocker("open-tasks", open)];
    }
}

/// <summary>
/// Planned and event return visits still open — up to the final one — block closure until the
/// visiting agency records them (or they are cancelled with a reason).
/// </summary>
public sealed class OpenReturnVisitsCondition(LianhuDbContext db) : IClosureCondition
{
    public async Task<IReadOnlyList<ClosureBlocker>> BlockersAsync(Case c, CancellationToken ct)
    {
        var open = await db.CaseTasks.AsNoTracking().CountAsync(t => t.CaseId == c.Id && t.Kind == CaseTaskKind.ReturnVisit && TaskHolders.Open.Contains(t.Status), ct);
        return open == 0 ? [] : [new ClosureBlocker("open-visits", open)];
    }
}
