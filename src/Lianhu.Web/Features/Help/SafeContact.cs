using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// The safe-contact instructions of a self-reported case, for the top of its page: "text only, do not
/// call", the safe times, the mobile and her further details. Only a viewer who may read the case's
/// contact section gets them (the page has already passed the case gate); the read is audited.
/// </summary>
public sealed class SafeContact(LianhuDbContext db, CurrentUserAccessor current, CaseAccess access, AuditTrail audit)
{
    public sealed record View(bool MessageOnly, string? Phone, string? SafeTimes, string? Details, bool ContactHidden);

    /// <summary>Null when the case was not reported through the public door or is not the viewer's to see.</summary>
    public async Task<View?> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        if (current.User is not { } user)
        {
            return null;
        }

        var row = await (from r in db.SelfReports.AsNoTracking()
                         join c in db.Cases.AsNoTracking().VisibleTo(user) on r.CaseId equals c.Id
                         where r.CaseId == caseId
                         select new { Report = r, Case = c }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        if (!access.CanRead(user, row.Case, CaseSection.Contact))
        {
            // "Do not call" is a safety rule every viewer must keep; the number and times need the contact section.
            return new View(row.Report.MessageOnly, null, null, null, ContactHidden: true);
        }

        audit.Record(user.AsActor(), AuditAction.SelfReportContactRead, "self-report", row.Report.Id.ToString(), "contact", caseId: caseId);
        await db.SaveChangesAsync(ct);
        var details = access.CanRead(user, row.Case, CaseSection.Incident) ? row.Report.Details : null;
        return new View(row.Report.MessageOnly, row.Report.ContactPhone, row.Report.SafeTimes, details, ContactHidden: false);
    }
}
