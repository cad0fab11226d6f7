namespace Lianhu.Domain.Instruments;

/// <summary>"Potential escalation": at least <see cref="Incidents"/> incidents within the last
/// <see cref="Months"/> calendar months (commonly 3 in 12; local variants such as 3 in 6).</summary>
public sealed record EscalationRule(int Incidents, int Months);
