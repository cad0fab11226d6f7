using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Steps;

/// <summary>
/// The one way into a case for every step, API and page alike: find the case the route's id names
/// within the caller's scope (404, recorded as a probe), then the relation and the section and
/// action the step declares (403 with a code). What the caller may see on the way in — the case,
/// the relation, every section grant — travels on as a <see cref="CaseContext"/>, so nothing after
/// the gate asks the permission table again by hand. Entering twice in one request (the endpoint
/// filter, then the handler) costs one lookup.
/// </summary>
public sealed class CaseGate(LianhuDbContext db, CurrentUserAccessor current, CaseAccess access, AuditTrail audit)
{
    private readonly Dictionary<(Guid, CaseStep), StepResult<CaseContext>> entered = [];

    public async Task<StepResult<CaseContext>> EnterAsync(Guid id, CaseStep step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (entered.TryGetValue((id, step), out var known))
        {
            return known;
        }

        var result = await DecideAsync(id, step, ct);
        entered[(id, step)] = result;
        return result;
    }

    private async Task<StepResult<CaseContext>> DecideAsync(Guid id, CaseStep step, CancellationToken ct)
    {
        var user = current.Required;
        var (caseId, owner) = await LocateAsync(id, step.Ref, ct);
        var found = caseId is { } cid ? await db.Cases.VisibleTo(user).SingleOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (found is null)
        {
            // A probe: the id is unknown or outside the caller's scope. Leave a trace, never a hint.
            audit.Record(user.AsActor(), AuditAction.ProbeNotFound, StableRef(step.Ref), id.ToString(), reason: step.Name, caseId: step.Ref == CaseRef.Case ? id : null);
            await db.SaveChangesAsync(ct);
            return StepResult<CaseContext>.From(StepResult.NotFound);
        }

        var context = new CaseContext(user, found, CaseAccess.RelationTo(user, found), access.Grants(user, found), owner);
        return Allows(context, step) is { } refusal ? StepResult<CaseContext>.From(StepResult.Forbidden(refusal)) : StepResult<CaseContext>.Ok(context);
    }

    /// <summary>Null when the step is allowed; otherwise the refusal's code.</summary>
    public static string? Allows(CaseContext context, CaseStep step)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(step);
        if (step.Action == StepAction.Write && context.Relation == CaseRelation.BreakGlass)
        {
            return "step.emergency-read-only";
        }

        var section = step.Section is { } s ? context.Access(s) : context.Grants.Values.DefaultIfEmpty(SectionAccess.None).Max();
        var needed = step.Action == StepAction.Write ? SectionAccess.Write : SectionAccess.Read;
        if (section < needed)
        {
            return step.Action == StepAction.Write ? "section.no-write" : "section.no-read";
        }

        return Holds(step.Standing, context.User, context.Relation, context.Owner) ? null : step.Standing switch
        {
            StepStanding.OwnerOrSupervisingCentre => "step.not-owner",
            StepStanding.Reviewer => "step.reviewers-only",
            StepStanding.LeadHandler => "step.lead-only",
            _ => "consent.not-allowed",
        };
    }

    /// <summary>
    /// Does the caller hold a standing the permission table does not express? The one place these rules
    /// live: the gate applies them, and features that show or hide an action (consent forms, the viewers
    /// panel) ask the same question.
    /// </summary>
    public static bool Holds(StepStanding standing, CurrentUser user, CaseRelation relation, Guid? owner = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var handling = user.Has(Role.Caseworker) || user.Has(Role.Supervisor);
        var supervisingCentre = relation == CaseRelation.Supervising && user.AgencyType == AgencyType.LinkageCentre;
        return standing switch
        {
            StepStanding.OwnerOrSupervisingCentre => owner == user.AgencyId || supervisingCentre,
            StepStanding.Reviewer => (relation == CaseRelation.Lead && user.Has(Role.Supervisor)) || supervisingCentre,
            StepStanding.ConsentReader => handling && relation is CaseRelation.Lead or CaseRelation.Supervising or CaseRelation.TaskHolder,
            StepStanding.ConsentManager => handling && relation is CaseRelation.Lead or CaseRelation.Supervising,
            StepStanding.LeadHandler => handling && relation == CaseRelation.Lead,
            _ => true,
        };
    }

    private async Task<(Guid? CaseId, Guid? Owner)> LocateAsync(Guid id, CaseRef kind, CancellationToken ct)
    {
        switch (kind)
        {
            case CaseRef.Case:
                return (id, null);
            case CaseRef.Clock:
                var clock = await db.Clocks.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.CaseId, c.OwnerAgencyId }).SingleOrDefaultAsync(ct);
                return (clock?.CaseId, clock?.OwnerAgencyId);
            case CaseRef.Task:
                var task = await db.CaseTasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.CaseId, t.AgencyId }).SingleOrDefaultAsync(ct);
                return (task?.CaseId, task?.AgencyId);
            case CaseRef.ProtectionOrder:
                return (await db.ProtectionOrders.AsNoTracking().Where(o => o.Id == id).Select(o => (Guid?)o.CaseId).SingleOrDefaultAsync(ct), null);
            case CaseRef.WarningLetter:
                return (await db.WarningLetters.AsNoTracking().Where(o => o.Id == id).Select(o => (Guid?)o.CaseId).SingleOrDefaultAsync(ct), null);
            case CaseRef.Placement:
                return (await db.ShelterStays.AsNoTracking().Where(o => o.Id == id).Select(o => (Guid?)o.CaseId).SingleOrDefaultAsync(ct), null);
            case CaseRef.LegalFollowUp:
                return (await db.LegalFollowUps.AsNoTracking().Where(o => o.Id == id).Select(o => (Guid?)o.CaseId).SingleOrDefaultAsync(ct), null);
            case CaseRef.Conference:
                return (await db.CaseConferences.AsNoTracking().Where(o => o.Id == id).Select(o => (Guid?)o.CaseId).SingleOrDefaultAsync(ct), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static string StableRef(CaseRef kind) => Lianhu.Domain.Common.StableName.Of(kind);
}

/// <summary>The caller inside a case after the gate: what they are to it and what each section allows.</summary>
public sealed record CaseContext(CurrentUser User, Case Case, CaseRelation Relation, IReadOnlyDictionary<CaseSection, SectionAccess> Grants, Guid? Owner)
{
    public SectionAccess Access(CaseSection section) => Grants.GetValueOrDefault(section, SectionAccess.None);

    public bool CanRead(CaseSection section) => Access(section) >= SectionAccess.Read;

    /// <summary>Emergency readers never write, whatever the table says.</summary>
    public bool CanWrite(CaseSection section) => Relation != CaseRelation.BreakGlass && Access(section) >= SectionAccess.Write;

    /// <summary>The sections this caller may read, in their declared order (for the audit trace of a read).</summary>
    public IReadOnlyList<CaseSection> Readable => [.. Grants.Keys.Order()];

    /// <summary>A further section a step needs once its input is known (an address → contact); null when allowed.</summary>
    public StepResult? Require(CaseSection section, StepAction action) =>
        (action == StepAction.Write ? CanWrite(section) : CanRead(section)) ? null : StepResult.Forbidden(action == StepAction.Write ? "section.no-write" : "section.no-read");
}
