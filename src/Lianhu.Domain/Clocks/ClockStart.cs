using System.Globalization;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// The event a clock runs from: an instant, or only the Beijing day it happened on (time unknown).
/// Day and month periods only need the day (the start day is never counted); hour periods need the
/// instant and, given only a day, assume 00:00 — the earliest possible start, so the earliest due.
/// </summary>
public readonly record struct ClockStart
{
    private ClockStart(DateOnly day, DateTimeOffset? instant)
    {
        Day = day;
        Instant = instant;
    }

    /// <summary>The Beijing calendar day of the event.</summary>
    public DateOnly Day { get; }

    /// <summary>The instant of the event with the +08:00 offset, or null when only the day is known.</summary>
    public DateTimeOffset? Instant { get; }

    public bool HasTime => Instant is not null;

    /// <summary>The instant, or 00:00 Beijing time of <see cref="Day"/> when the time is unknown.</summary>
    public DateTimeOffset EarliestInstant => Instant ?? ShanghaiTime.StartOfDay(Day);

    public static ClockStart At(DateTimeOffset instant)
    {
        var beijing = ShanghaiTime.ToShanghai(instant);
        return new ClockStart(DateOnly.FromDateTime(beijing.DateTime), beijing);
    }

    public static ClockStart OnDay(DateOnly day) => new(day, null);

    /// <summary>
    /// Accepts <c>2026-03-02T10:00:00+08:00</c> (any offset, or Z), <c>2026-03-02T10:00</c> (no
    /// offset: Beijing wall-clock time; a space may replace the T) or <c>2026-03-02</c> (a day).
    /// </summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static ClockStart Parse(string text) =>
        TryParse(text, out var start)
            ? start
            : throw new FormatException(
                $"'{text}' is not a start time: use 2026-03-02T10:00:00+08:00, 2026-03-02T10:00 (Beijing time) or 2026-03-02.");

    public static bool TryParse(string? text, out ClockStart start) => ClockStartSyntax.TryParse(text, out start);

    /// <summary>"2026-03-02 10:00" (seconds only when not zero) or "2026-03-02".</summary>
    public override string ToString() =>
        Instant is { } instant ? ClockText.Time(instant) : Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
