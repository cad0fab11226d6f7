namespace Lianhu.Domain.Instruments;

/// <summary>The administrative tier whose linkage centre (or community workstation) leads a case.
/// Declared lowest first, so a higher risk level never gets a lower tier.</summary>
public enum HandlingTier
{
    Community,
    District,
    City,
}
