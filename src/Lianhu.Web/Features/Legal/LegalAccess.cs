using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Legal;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Legal;

/// <summary>How the caller stands to a case's legal records: the case, their relation, and what the permission table grants.</summary>
public sealed record LegalStanding(Case Case, CaseRelation Relation, SectionAccess Legal, SectionAccess Contact)
{
    public bool CanReadLegal => Legal >= SectionAccess.Read;

    public bool CanWriteLegal => Legal >= SectionAccess.Write;

    public bool CanReadContact => Contact >= SectionAccess.Read;

    public bool CanWriteContact => Contact >= SectionAccess.Write;
}

/// <summary>
/// Who may see and act on legal records. A case's legal section follows the case scope
/// (<see cref="CaseScope"/>) and the permission table (<see cref="CaseAccess"/>). A protection order
/// also reaches the court it was filed with and the police it was sent to, even when they do not
/// lead the case: for that order they stand as task holders (the permission table's
/// <c>task-holder</c> row), which is what a filed application or a served order is. Everyone else: 404.
/// </summary>
public sealed class LegalAccess(LianhuDbContext db, CaseAccess access)
{
    public async Task<LegalStanding?> ForCaseAsync(CurrentUser user, Guid caseId, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        return found is null ? null : Standing(user, found, CaseAccess.RelationTo(user, found));
    }

    /// <summary>The standing on an order's case; null (404) when the caller can neither see the case nor is the order's court or police.</summary>
    public async Task<LegalStanding?> ForOrderAsync(CurrentUser user, ProtectionOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var standing = await ForCaseAsync(user, order.CaseId, ct);
        if (!IsInvolved(user, order))
        {
            return standing is { CanReadLegal: true } ? standing : null;
        }

        var holder = access.Policy.For(user.Roles, CaseRelation.TaskHolder, CaseSection.Legal);
        if (holder == SectionAccess.None)
        {
            return standing is { CanReadLegal: true } ? standing : null;
        }

        var c = standing?.Case ?? await db.Cases.AsNoTracking().SingleAsync(k => k.Id == order.CaseId, ct);
        var legal = standing is null || holder > standing.Legal ? holder : standing.Legal;
        return new LegalStanding(c, standing?.Relation ?? CaseRelation.TaskHolder, legal, standing?.Contact ?? SectionAccess.None);
    }

    /// <summary>The caller's agency is the order's court or its police.</summary>
    public static bool IsInvolved(CurrentUser user, ProtectionOrder order) =>
        user.AgencyId == order.CourtAgencyId || (order.PoliceAgencyId is { } police && user.AgencyId == police);

    private LegalStanding Standing(CurrentUser user, Case c, CaseRelation relation) => new(
        c, relation, access.Policy.For(user.Roles, relation, CaseSection.Legal), access.Policy.For(user.Roles, relation, CaseSection.Contact));
}
