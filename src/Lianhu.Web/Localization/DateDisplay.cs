using System.Globalization;

namespace Lianhu.Web.Localization;

/// <summary>Instants are stored in UTC and shown in the city's time zone (Asia/Shanghai by default).</summary>
public sealed class DateDisplay(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static TimeZoneInfo ResolveZone(string? id) => TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? "Asia/Shanghai" : id);

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public string Format(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? instant) => instant is { } i ? Format(i) : string.Empty;
}
