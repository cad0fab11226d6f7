namespace Lianhu.Web.Features.Intake;

/// <summary>Intake settings (<c>Lianhu:Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Lianhu:Intake";

    /// <summary>A 110 alarm attaches to a household's open case with an incident within this many days.</summary>
    public int RepeatAlarmDays { get; set; } = 30;

    /// <summary>How long an Idempotency-Key is remembered.</summary>
    public int IdempotencyHours { get; set; } = 24;

    /// <summary>Most parties one intake may name.</summary>
    public int MaxParties { get; set; } = 20;
}
