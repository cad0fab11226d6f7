using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Web.Localization;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// A clock as the API and the case page show it: the due time in Beijing time beside its rule,
/// reading, legal source and explanation, in the caller's language.
/// </summary>
public sealed record ClockDto(
    Guid Id,
    Guid CaseId,
    string SubjectType,
    Guid SubjectId,
    string Rule,
    string? RuleDescription,
    string State,
    bool Overdue,
    bool Emergency,
    int Amount,
    DateTimeOffset StartedAt,
    bool StartTimeKnown,
    DateTimeOffset Due,
    DateOnly? LastDay,
    string DueText,
    string Reading,
    string? ReadingText,
    string Source,
    string Explanation,
    DateTimeOffset ReminderAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? LapsedAt,
    string? Outcome,
    int Version);

public static class ClockMapping
{
    public static ClockDto ToDto(this Clock c, ClockRuleCatalogue catalogue, DateTimeOffset now)
    {
        var english = JsonStringLocalizer.CultureKey() == "en";
        var description = catalogue.TryGet(c.RuleId, out var rule) ? (english ? rule.Description.En : rule.Description.ZhCn) : null;
        var reading = PeriodReading.All.FirstOrDefault(r => r.Id == c.Reading)?.Text;
        return new ClockDto(
            c.Id, c.CaseId, c.SubjectType, c.SubjectId, c.RuleId, description, StableName.Of(c.State), c.IsOverdueAt(now), c.Emergency, c.Amount,
            Bj(c.StartedAt), c.StartTimeKnown, Bj(c.DueAt), c.LastDay, ClockDisplay.Due(c.DueAt, c.LastDay), c.Reading,
            reading is null ? null : english ? reading.En : reading.ZhCn,
            english ? c.SourceEn : c.SourceZh,
            english ? c.ExplanationEn : c.ExplanationZh,
            Bj(c.ReminderAt), Bj(c.RemindedAt), Bj(c.BreachedAt), Bj(c.CompletedAt), Bj(c.CancelledAt), Bj(c.LapsedAt), c.Outcome, c.Version);
    }

    private static DateTimeOffset Bj(DateTimeOffset instant) => ShanghaiTime.ToShanghai(instant);

    private static DateTimeOffset? Bj(DateTimeOffset? instant) => instant is { } i ? ShanghaiTime.ToShanghai(i) : null;
}
