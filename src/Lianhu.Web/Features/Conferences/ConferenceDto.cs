using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;

namespace Lianhu.Web.Features.Conferences;

/// <summary>A case conference as the API shows it; minutes and a cancellation's reason only to the agencies that were invited.</summary>
public sealed record ConferenceDto(
    Guid Id, Guid CaseId, string Trigger, string Status, Guid ConvenerAgencyId, DateTimeOffset ScheduledAt, IReadOnlyList<string> Agenda,
    IReadOnlyList<Guid> InvitedAgencyIds, IReadOnlyList<Guid> AttendedAgencyIds, string? Minutes, DateTimeOffset? HeldAt,
    DateTimeOffset? CancelledAt = null, string? CancellationReason = null)
{
    public static ConferenceDto From(CaseConference c, bool showMinutes) => new(
        c.Id, c.CaseId, StableName.Of(c.Trigger), StableName.Of(c.Status), c.ConvenerAgencyId, c.ScheduledAt,
        c.Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries), c.InvitedAgencyIds, c.AttendedAgencyIds, showMinutes ? c.Minutes : null, c.HeldAt,
        c.CancelledAt, showMinutes ? c.CancellationReason : null);
}
