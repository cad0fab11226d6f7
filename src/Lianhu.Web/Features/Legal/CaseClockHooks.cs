using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Visits;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// Clocks a case gets by itself. A case opened from a 110 police alarm gets a return-visit task
/// carrying <c>return-visit-after-110</c> (the women's federation calls the victim the day after,
/// a city rule; demo: 深圳市（演示）平台规则) for the agency <c>config/policies/return-visits.json</c> names (event
/// <c>police-110</c>) nearest the case's community. Listens to <see cref="CaseOpened"/>, in the
/// intake's unit of work, before it saves.
/// </summary>
public sealed class CaseClockHooks(LegalClocks clocks, Visits.ReturnVisitTasks visits) : ICaseListener<CaseOpened>
{
    public async Task OnAsync(CaseOpened happened, CancellationToken ct)
    {
        await OnOpenedAsync(happened.Case, happened.By, ct);
        if (happened.MinorInvolved)
        {
            OnMinorInvolved(happened.Case, happened.By);
        }
    }

    public const string ReturnVisitRule = "return-visit-after-110";
    public const string GreenChannelRule = "minor-green-channel";

    public async Task OnOpenedAsync(Case opened, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.Channel != Channel.Police110)
        {
            return;
        }

        await visits.ForEventAsync(opened.Id, VisitEvent.Police110, opened.CreatedAt, ClockSubject.ForCase(opened.Id), user, opened.CreatedAt, ct);
    }

    /// <summary>
    /// A case whose intake names a child party or a victim under 18 enters the minors' green channel
    /// (first intervention within 24 h), owned by the lead.
    /// </summary>
    public void OnMinorInvolved(Case opened, CurrentUser user) =>
        clocks.Start(user, opened.Id, ClockSubject.ForCase(opened.Id), GreenChannelRule, ClockStart.At(opened.CreatedAt), opened.LeadAgencyId, opened.CreatedAt);
}
