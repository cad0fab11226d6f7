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
/// Who may see and act on legal records: the case scope (<see cref="CaseScope"/>) and the
/// permission table limited by consents (<see cref="CaseAccess.For"/>), nothing of its own. The
/// court and the police an order names stand to its case as task holders limited to the legal
/// section (<see cref="CurrentUser.OrderCases"/>), so they reach the order through the same scope.
/// Everyone else: 404.
/// </summary>
public sealed class LegalAccess(LianhuDbContext db, CaseAccess access)
{
    public async Task<LegalStanding?> ForCaseAsync(CurrentUser user, Guid caseId, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        return found is null ? null : Standing(user, found);
    }

    /// <summary>The standing on an order's case; null (404) when the caller cannot read the order's case's legal section.</summary>
    public async Task<LegalStanding?> ForOrderAsync(CurrentUser user, ProtectionOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var standing = await ForCaseAsync(user, order.CaseId, ct);
        return standing is { CanReadLegal: true } ? standing : null;
    }

    /// <summary>The caller's agency is the order's court or its police.</summary>
    public static bool IsInvolved(CurrentUser user, ProtectionOrder order) =>
        user.AgencyId == order.CourtAgencyId || (order.PoliceAgencyId is { } police && user.AgencyId == police);

    private LegalStanding Standing(CurrentUser user, Case c)
    {
        var relation = CaseAccess.RelationTo(user, c);
        var write = relation != CaseRelation.BreakGlass;
        var legal = access.For(user, c, CaseSection.Legal);
        var contact = access.For(user, c, CaseSection.Contact);
        return new LegalStanding(c, relation, write ? legal : Min(legal), write ? contact : Min(contact));
    }

    private static SectionAccess Min(SectionAccess a) => a > SectionAccess.Read ? SectionAccess.Read : a;
}
