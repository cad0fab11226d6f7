namespace Lianhu.Domain.Clocks;

public enum CalendarYearStatus
{
    /// <summary>Copied from the State Council General Office notice for the year.</summary>
    Official,

    /// <summary>Derived from the statutory holiday rules because the notice is not loaded yet.</summary>
    Provisional,
}
