using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Steps;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// A case opened from the public door gets, in the intake's own unit of work, the receipt and the safe
/// contact instructions, and the contact clock (<c>config/clocks/rules.json</c>: <see cref="ContactRule"/>)
/// owned by the unit that received it — breached and escalated like any clock.
/// </summary>
public sealed class SelfReportOpened(SelfReportDraft draft, LianhuDbContext db, LegalClocks clocks) : ICaseListener<CaseOpened>
{
    public const string ContactRule = "self-report-contact";

    public Task OnAsync(CaseOpened happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        if (happened.Case.Channel != Channel.SelfReport || !happened.By.IsPublic || draft.Current is not { } pending)
        {
            return Task.CompletedTask;
        }

        var opened = happened.Case;
        db.SelfReports.Add(SelfReportRecord.Create(
            Guid.CreateVersion7(opened.CreatedAt), opened.Id, pending.ReceiptCode, pending.SecretMac, pending.Phone, pending.MessageOnly, pending.SafeTimes, pending.Details, opened.CreatedAt));
        clocks.Start(happened.By, opened.Id, ClockSubject.ForCase(opened.Id), ContactRule, ClockStart.At(opened.CreatedAt), opened.LeadAgencyId, opened.CreatedAt);
        draft.OpenedCaseId = opened.Id;
        return Task.CompletedTask;
    }
}
