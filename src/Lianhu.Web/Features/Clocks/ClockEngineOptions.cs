namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// The clock engine's settings, bound from <c>Lianhu:Clocks</c> (environment
/// <c>Lianhu__Clocks__ScanSeconds</c>, …). See docs/decisions/0009-clock-engine.md.
/// </summary>
public sealed class ClockEngineOptions
{
    public const string Section = "Lianhu:Clocks";

    /// <summary>Run the background scanner on this node (<c>false</c> for a node that must not fire clocks).</summary>
    public bool Scanner { get; set; } = true;

    /// <summary>Seconds between scans; a due time fires at most this late (plus the scan's own time).</summary>
    public double ScanSeconds { get; set; } = 30;

    /// <summary>Clocks claimed per claim query; a scan repeats claims until none are due.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim holds before another node may take the clock over (a node that died mid-scan).</summary>
    public double ClaimSeconds { get; set; } = 120;

    /// <summary>Remind at this fraction of the period before due, for rules without <c>reminder_before</c>.</summary>
    public double ReminderFraction { get; set; } = Domain.Clocks.ClockReminderPolicy.DefaultFraction;

    /// <summary>This node's name in claims; default host name, process id and a random suffix.</summary>
    public string? NodeId { get; set; }

    /// <summary>Override config/clocks/rules.json (a jurisdiction's own rule file).</summary>
    public string? RulesFile { get; set; }

    /// <summary>Override config/calendars/cn-public-holidays.json.</summary>
    public string? CalendarFile { get; set; }

    public IEnumerable<string> Problems()
    {
        if (ScanSeconds is <= 0 or > 3600 || double.IsNaN(ScanSeconds))
        {
            yield return $"{Section}:ScanSeconds must be between 0 and 3600";
        }

        if (BatchSize is < 1 or > 1000)
        {
            yield return $"{Section}:BatchSize must be between 1 and 1000";
        }

        if (ClaimSeconds is < 1 or > 86400 || double.IsNaN(ClaimSeconds))
        {
            yield return $"{Section}:ClaimSeconds must be between 1 and 86400";
        }

        if (ReminderFraction is <= 0 or >= 1 || double.IsNaN(ReminderFraction))
        {
            yield return $"{Section}:ReminderFraction must lie strictly between 0 and 1";
        }
    }
}
