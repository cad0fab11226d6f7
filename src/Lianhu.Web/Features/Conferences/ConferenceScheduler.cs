using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Conferences;

/// <summary>
/// Schedules case conferences: automatically when routing sees a high level or a referral
/// criterion (once per assessment: not when one is already scheduled or was called after the
/// newest assessment), and on demand. The convener is the city linkage centre for a high-risk case
/// (the leading group convenes) and otherwise the district centre of the case; it meets
/// <see cref="HoursAhead"/> hours later. Invited: the lead, the convener and every agency holding
/// an open task, and on demand whoever the caller adds. The agenda is built from the case as stable lines, never its narrative.
/// </summary>
public sealed class ConferenceScheduler(LianhuDbContext db, AuditTrail audit, Cases.CaseTimeline timeline)
{
    public const int HoursAhead = 48;

    public async Task<CaseConference?> ScheduleIfDueAsync(
        Case found, ConferenceTrigger trigger, DateTimeOffset assessedAt, CommonRiskLevel? level, string[] criteria, IReadOnlyList<CaseTask> justCreated,
        IReadOnlyList<DirectoryAgency> directory, CurrentUser actor, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.CaseConferences.AnyAsync(c => c.CaseId == found.Id && (c.Status == ConferenceStatus.Scheduled || c.CreatedAt >= assessedAt), ct))
        {
            return null;
        }

        return await ScheduleAsync(found, trigger, level, criteria, justCreated, directory, actor, now.AddHours(HoursAhead), now, ct);
    }

    public async Task<CaseConference> ScheduleAsync(
        Case found, ConferenceTrigger trigger, CommonRiskLevel? level, string[] criteria, IReadOnlyList<CaseTask> justCreated,
        IReadOnlyList<DirectoryAgency> directory, CurrentUser actor, DateTimeOffset at, DateTimeOffset now, CancellationToken ct, IEnumerable<Guid>? alsoInvited = null)
    {
        var community = DivisionCode.Parse(found.DivisionCode);
        var tier = level == CommonRiskLevel.High ? Tier.City : Tier.District;
        var convener = RoutingPolicy.Resolve(directory, AgencyType.LinkageCentre, RoutingPolicy.At(community, tier))?.Id ?? found.LeadAgencyId;
        var open = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == found.Id && TaskHolders.Open.Contains(t.Status))
            .Select(t => new { t.AgencyId, t.AgencyType, t.Status }).ToListAsync(ct);
        var tasks = open.Select(t => (t.AgencyId, t.AgencyType, t.Status)).Concat(justCreated.Select(t => (t.AgencyId, t.AgencyType, t.Status))).ToList();
        var agenda = new List<string> { "trigger=" + StableName.Of(trigger) };
        if (level is { } l)
        {
            agenda.Add("level=" + StableName.Of(l));
        }

        agenda.AddRange(criteria.Select(c => "criterion=" + c));
        agenda.AddRange(tasks.Select(t => $"task={StableName.Of(t.AgencyType)}:{StableName.Of(t.Status)}").Distinct());
        var invited = tasks.Select(t => t.AgencyId).Append(found.LeadAgencyId).Concat(alsoInvited ?? []);
        var conference = CaseConference.Schedule(Guid.CreateVersion7(now), found.Id, trigger, convener, at, agenda, invited, actor.UserId, now);
        db.CaseConferences.Add(conference);
        audit.Record(actor.AsActor(), AuditAction.ConferenceSchedule, "conference", conference.Id.ToString(), section: "case:" + found.Id.ToString("N"));
        timeline.Record(found.Id, CaseEventKind.ConferenceScheduled, Cases.CaseSections.Linkage, actor.AgencyId, actor.UserId, detail: convener.ToString());
        return conference;
    }
}
