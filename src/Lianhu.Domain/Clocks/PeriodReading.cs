using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// Which reading of the counting rules produced a due time. <see cref="Id"/> is stable (stored with
/// a clock, shown in JSON); <see cref="Text"/> is what the UI prints beside the due time.
/// </summary>
public sealed record PeriodReading(string Id, LocalizedText Text)
{
    public const string ExactInstantId = "exact-instant";
    public const string NextFullHourId = "next-full-hour";
    public const string DaysRolloverId = "days-exclusive-start-rollover";
    public const string DaysNoRolloverId = "days-exclusive-start-no-rollover";
    public const string MonthsRolloverId = "months-exclusive-start-rollover";
    public const string MonthsNoRolloverId = "months-exclusive-start-no-rollover";

    private const string RolloverZh = "最后一日为法定休假日（含周末，调休上班日除外）的，顺延至其后第一个工作日";
    private const string RolloverEn = "a last day on a public holiday or weekend (not an adjusted working day) moves to the next working day";
    private const string NoRolloverZh = "最后一日不因休息日顺延";
    private const string NoRolloverEn = "the last day is not moved off rest days";

    public static PeriodReading ExactInstant { get; } = new(ExactInstantId, new(
        "以小时计算，自规定的时刻起算：届满时刻 = 起算时刻 + N 小时（《民法典》第201条第2款）",
        "Hours counted from the stated instant: due = start + N h (Civil Code Art 201(2))"));

    public static PeriodReading NextFullHour { get; } = new(NextFullHourId, new(
        "以小时计算，开始的时不计入，从次时（下一个整点）起算，整点开始的亦同（《民事诉讼法》第85条第2款，民诉法解释第125条）",
        "Hours counted from the next full hour: the starting hour is not counted, even a start exactly on the hour (CPL Art 85(2); SPC CPL Interpretation Art 125)"));

    public static PeriodReading DaysRollover { get; } = Days(RolloverZh, RolloverEn, DaysRolloverId);

    public static PeriodReading DaysNoRollover { get; } = Days(NoRolloverZh, NoRolloverEn, DaysNoRolloverId);

    public static PeriodReading MonthsRollover { get; } = Months(RolloverZh, RolloverEn, MonthsRolloverId);

    public static PeriodReading MonthsNoRollover { get; } = Months(NoRolloverZh, NoRolloverEn, MonthsNoRolloverId);

    public static IReadOnlyList<PeriodReading> All { get; } =
        [ExactInstant, NextFullHour, DaysRollover, DaysNoRollover, MonthsRollover, MonthsNoRollover];

    public static PeriodReading ForHours(HourReading reading) =>
        reading == HourReading.NextFullHour ? NextFullHour : ExactInstant;

    public static PeriodReading ForDays(bool rollover) => rollover ? DaysRollover : DaysNoRollover;

    public static PeriodReading ForMonths(bool rollover) => rollover ? MonthsRollover : MonthsNoRollover;

    private static PeriodReading Days(string zh, string en, string id) => new(id, new(
        $"以日计算，开始的当日不计入；{zh}；最后一日 24:00 届满（《民法典》第201、203条，《民事诉讼法》第85条）",
        $"Days counted from the day after the start; {en}; the period ends at 24:00 of the last day (Civil Code Arts 201, 203; CPL Art 85)"));

    private static PeriodReading Months(string zh, string en, string id) => new(id, new(
        $"以月计算，开始的当日不计入；到期月的对应日为最后一日，无对应日的为月末日；{zh}；最后一日 24:00 届满（《民法典》第201至203条）",
        $"Months counted from the day after the start; the last day is the same-numbered day of the end month, or its last day if it has none; {en}; ends at 24:00 of the last day (Civil Code Arts 201-203)"));
}
