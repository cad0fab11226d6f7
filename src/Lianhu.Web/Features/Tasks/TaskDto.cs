using System.Globalization;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;

namespace Lianhu.Web.Features.Tasks;

/// <summary>A task as the API shows it; <c>reason</c> in the caller's language.</summary>
public sealed record TaskDto(
    Guid Id,
    Guid CaseId,
    Guid AgencyId,
    string AgencyType,
    string Tier,
    string Status,
    DateTimeOffset DueAt,
    string Reason,
    string Kind,
    string Step,
    string? Role,
    int? Rule,
    int? PolicyVersion,
    Guid? ParentTaskId,
    Guid? ClockId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    bool Overdue,
    string? AgencyName = null);

public static class TaskDtoMapping
{
    public static TaskDto ToDto(this CaseTask t, DateTimeOffset now, string? agencyName = null) => new(
        t.Id,
        t.CaseId,
        t.AgencyId,
        StableName.Of(t.AgencyType),
        StableName.Of(t.Tier),
        StableName.Of(t.Status),
        t.DueAt,
        Reason(t),
        StableName.Of(t.Kind),
        t.Step,
        t.Role,
        t.Rule,
        t.PolicyVersion,
        t.ParentTaskId,
        t.ClockId,
        t.CreatedAt,
        t.ClosedAt,
        t.IsOpen && now >= t.DueAt,
        agencyName);

    public static string Reason(CaseTask t) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? t.ReasonZh : t.ReasonEn;
}
