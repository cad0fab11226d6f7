namespace Lianhu.Domain.Instruments;

/// <summary>Where a stored instrument version came from.</summary>
public enum InstrumentSource
{
    /// <summary>Shipped with the program under <c>config/instruments/</c> and loaded on start.</summary>
    Bundled,

    /// <summary>Published by the city's administrators in the running installation.</summary>
    Local,
}
