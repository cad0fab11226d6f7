using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// Writes the one-line explanation shown beside a due time, e.g.
/// "72 h from acceptance 2026-03-02 10:00 → due 2026-03-05 10:00 (ADVL Art 28)".
/// </summary>
internal static class ClockExplanation
{
    public static LocalizedText For(ClockRule rule, PeriodResult period, bool emergency, HolidayCalendar calendar)
    {
        var coverage = CoverageNote(period, calendar);
        return new LocalizedText(
            Zh(rule, period, emergency) + coverage.ZhCn,
            En(rule, period, emergency) + coverage.En);
    }

    private static string En(ClockRule rule, PeriodResult p, bool emergency)
    {
        var amount = p.Unit switch
        {
            PeriodUnit.Hours => $"{p.Amount} h",
            PeriodUnit.Days => p.Amount == 1 ? "1 day" : $"{p.Amount} days",
            _ => p.Amount == 1 ? "1 month" : $"{p.Amount} months",
        };
        var head = $"{amount}{(emergency ? " (emergency)" : "")} from {rule.StartEvent.En}";
        var source = $"({rule.Source.En})";
        if (p.Unit == PeriodUnit.Hours)
        {
            var start = p.StartTimeAssumed
                ? $"on {ClockText.Day(p.Start.Day)} (time not given, taken as 00:00)"
                : ClockText.Time(p.Start.EarliestInstant);
            var nextHour = p.Reading.Id == PeriodReading.NextFullHourId
                ? $", counted from the next full hour {ClockText.HourOfDay(p.CountingFrom)}"
                : "";
            return $"{head} {start}{nextHour} → due {ClockText.Time(p.Due)} {source}";
        }

        var lastDay = ClockText.Day(p.LastDay!.Value);
        var rollover = (p.NominalLastDayKind, p.RolledOver) switch
        {
            (null, _) => " (not moved off rest days)",
            (_, true) => $" is a rest day ({RestReasonEn(p.NominalLastDayKind)}) → moved to the next working day {lastDay}",
            ({ Kind: DayKind.AdjustedWorkingDay }, _) => " (adjusted working day, not moved)",
            _ => "",
        };
        return $"{head} {ClockText.Day(p.Start.Day)} (start day not counted) → last day {ClockText.Day(p.NominalLastDay!.Value)}"
            + $"{rollover} → due {lastDay} 24:00 {source}";
    }

    private static string Zh(ClockRule rule, PeriodResult p, bool emergency)
    {
        var amount = p.Unit switch
        {
            PeriodUnit.Hours => $"{p.Amount} 小时",
            PeriodUnit.Days => $"{p.Amount} 日",
            _ => $"{p.Amount} 个月",
        };
        var head = $"{(emergency ? "情况紧急，" : "")}自{rule.StartEvent.ZhCn} ";
        var source = $"（{rule.Source.ZhCn}）";
        if (p.Unit == PeriodUnit.Hours)
        {
            var start = p.StartTimeAssumed
                ? $"{ClockText.Day(p.Start.Day)}（未给出时刻，按 00:00 计）"
                : $"{ClockText.Time(p.Start.EarliestInstant)} ";
            var nextHour = p.Reading.Id == PeriodReading.NextFullHourId
                ? $"，从次时 {ClockText.HourOfDay(p.CountingFrom)} 起算"
                : "";
            return $"{head}{start}起 {amount}{nextHour} → {ClockText.Time(p.Due)} 届满{source}";
        }

        var lastDay = ClockText.Day(p.LastDay!.Value);
        var rollover = (p.NominalLastDayKind, p.RolledOver) switch
        {
            (null, _) => "（不因休息日顺延）",
            (_, true) => $" 为休息日（{RestReasonZh(p.NominalLastDayKind)}），顺延至 {lastDay}",
            ({ Kind: DayKind.AdjustedWorkingDay }, _) => "（调休上班日，不顺延）",
            _ => "",
        };
        // Chinese typography: no space between a full-width bracket and the arrow.
        var arrow = rollover.EndsWith('）') ? "→ " : " → ";
        return $"{head}{ClockText.Day(p.Start.Day)} 起 {amount}（开始当日不计入）→ 最后一日 {ClockText.Day(p.NominalLastDay!.Value)}"
            + $"{rollover}{arrow}{lastDay} 24:00 届满{source}";
    }

    private static string RestReasonEn(DayClassification? day) =>
        day?.Holiday is { } holiday ? holiday.Name.En + " holiday" : "weekend";

    private static string RestReasonZh(DayClassification? day) =>
        day?.Holiday is { } holiday ? holiday.Name.ZhCn : "周末";

    // Say plainly when a rollover rests on a provisional year or on the weekend-only fallback.
    private static LocalizedText CoverageNote(PeriodResult p, HolidayCalendar calendar)
    {
        if (p.CalendarCoverage is null or CalendarCoverage.Official)
        {
            return new LocalizedText("", "");
        }

        var years = string.Join(", ", p.RestDaysSkipped.Select(d => d.Date.Year).Append(p.LastDay!.Value.Year)
            .Where(y => calendar.CoverageOf(y) == p.CalendarCoverage).Distinct().Order());
        return p.CalendarCoverage == CalendarCoverage.NotCovered
            ? new LocalizedText(
                $"［节假日日历未覆盖 {years} 年，仅按周末认定休息日］",
                $" [holiday calendar does not cover {years}: only weekends counted as rest days]")
            : new LocalizedText($"［{years} 年节假日安排为暂定］", $" [the {years} holiday calendar is provisional]");
    }
}
