namespace Lianhu.Domain.Clocks;

/// <summary>The unit a period is counted in (Civil Code Art 200). Years are not needed by any rule yet.</summary>
public enum PeriodUnit
{
    Hours,
    Days,
    Months,
}
