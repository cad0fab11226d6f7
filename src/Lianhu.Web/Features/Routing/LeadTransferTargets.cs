using Lianhu.Domain.Cases;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// Which agencies may take over as lead (first-in-charge) of a case: the member units the intake
/// channel policy (<c>config/policies/intake-channels.json</c>) lets receive — and so lead — a case
/// of the case's channel, resolved through the division tree to the active agencies whose division
/// contains the case's community (community → town → district → city), nearest first; never the
/// current lead. The same list feeds the case page's select and the request's validation.
/// </summary>
public sealed class LeadTransferTargets(LianhuDbContext db, IntakeChannelPolicy channels)
{
    public sealed record Target(Guid Id, string Name, AgencyType Type, Tier Tier);

    public async Task<IReadOnlyList<Target>> ForAsync(Case theCase, CancellationToken ct)
    {
        var receivers = channels.For(theCase.Channel).Receivers.ToList();
        var community = DivisionCode.Parse(theCase.DivisionCode);
        var cityPrefix = theCase.DivisionCode[..4];
        var rows = await db.Agencies.AsNoTracking()
            .Where(a => a.IsActive && receivers.Contains(a.Type) && a.Id != theCase.LeadAgencyId && a.DivisionCode.StartsWith(cityPrefix))
            .Select(a => new { a.Id, a.Name, a.Type, a.Tier, a.DivisionCode })
            .ToListAsync(ct);
        return [.. rows.Where(a => DivisionCode.Parse(a.DivisionCode).Contains(community))
            .OrderByDescending(a => a.Tier).ThenBy(a => a.Type).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new Target(a.Id, a.Name, a.Type, a.Tier))];
    }
}
