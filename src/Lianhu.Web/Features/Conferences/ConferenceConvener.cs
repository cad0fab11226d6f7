using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Conferences;

/// <summary>
/// The conference a convener acts on (records it, calls it off): tracked, or none when its case is
/// outside the caller's scope (404); forbidden (403) for anyone but the convening agency's staff.
/// </summary>
public static class ConferenceConvener
{
    public static async Task<(CaseConference? Conference, bool Forbidden)> FindAsync(LianhuDbContext db, CurrentUser user, Guid conferenceId, CancellationToken ct)
    {
        var conference = await db.CaseConferences.SingleOrDefaultAsync(c => c.Id == conferenceId, ct);
        if (conference is null || !await db.Cases.AsNoTracking().VisibleTo(user).AnyAsync(c => c.Id == conference.CaseId, ct))
        {
            return (null, false);
        }

        return user.AgencyId == conference.ConvenerAgencyId && (user.Has(Role.Caseworker) || user.Has(Role.Supervisor))
            ? (conference, false)
            : (null, true);
    }
}
