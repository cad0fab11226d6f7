namespace Lianhu.Domain.Clocks;

/// <summary>Per-computation choices; anything left null uses the rule's configured default.</summary>
public sealed record ClockOptions
{
    public static ClockOptions Default { get; } = new();

    /// <summary>Use the rule's emergency amount (e.g. 24 h instead of 72 h for a protection-order ruling).</summary>
    public bool Emergency { get; init; }

    /// <summary>Replace the amount within the rule's allowed range (CLI <c>--months N</c> for po-validity).</summary>
    public int? Amount { get; init; }

    /// <summary>Override the rule's hour reading (hour rules only).</summary>
    public HourReading? HourReading { get; init; }

    /// <summary>Override whether a last day on a rest day moves to the next working day (day/month rules only).</summary>
    public bool? Rollover { get; init; }
}
