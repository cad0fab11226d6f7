namespace Lianhu.Domain.Alarms;

/// <summary>An agency an alert was sent to (the police station and the community workstation of the case); it may acknowledge and close the alert.</summary>
public sealed class AlarmResponder
{
    private AlarmResponder()
    {
    }

    public Guid AlertId { get; private set; }

    public Guid AgencyId { get; private set; }

    public static AlarmResponder For(Guid alertId, Guid agencyId) => new() { AlertId = alertId, AgencyId = agencyId };
}
