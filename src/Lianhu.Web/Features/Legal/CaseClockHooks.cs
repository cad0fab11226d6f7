using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// Clocks a case gets by itself. A case opened from a 110 police alarm gets
/// <c>return-visit-after-110</c> (the women's federation calls the victim the day after, Hefei
/// linkage practice), owned by the women's federation nearest the case's community (else the
/// opening agency). Called from <c>OpenCase</c> in the same unit of work, before it saves.
/// </summary>
public sealed class CaseClockHooks(LegalClocks clocks, AgencyDirectory directory)
{
    public const string ReturnVisitRule = "return-visit-after-110";
    public const string GreenChannelRule = "minor-green-channel";

    public async Task OnOpenedAsync(Case opened, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.Channel != Channel.Police110)
        {
            return;
        }

        var owner = await directory.NearestAsync(opened.DivisionCode, ct, AgencyType.WomensFederation) ?? user.AgencyId;
        clocks.Start(user, opened.Id, ClockSubject.ForCase(opened.Id), ReturnVisitRule, ClockStart.At(opened.CreatedAt), owner, opened.CreatedAt);
    }

    /// <summary>
    /// A case whose intake names a child party or a victim under 18 enters the minors' green channel
    /// (first intervention within 24 h), owned by the lead.
    /// </summary>
    public void OnMinorInvolved(Case opened, CurrentUser user) =>
        clocks.Start(user, opened.Id, ClockSubject.ForCase(opened.Id), GreenChannelRule, ClockStart.At(opened.CreatedAt), opened.LeadAgencyId, opened.CreatedAt);
}
