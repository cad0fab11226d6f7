namespace Lianhu.Domain.Organisation;

/// <summary>
/// The four tiers of the linkage mechanism, following China's administrative divisions
/// (GB/T 2260): city (市) → district/county (区/县) → town/street (乡镇/街道) → community/village (社区/村).
/// Ordered from the top so that a lower value supervises a higher one.
/// </summary>
public enum Tier
{
    City = 1,
    District = 2,
    Town = 3,
    Community = 4,
}
