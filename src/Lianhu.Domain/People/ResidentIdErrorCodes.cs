namespace Lianhu.Domain.People;

/// <summary>
/// Stable codes for why a resident ID number was rejected; they are also the keys of the
/// localised messages, so never rename one.
/// </summary>
public static class ResidentIdErrorCodes
{
    /// <summary>Not 15 (legacy) or 18 characters after stripping spaces.</summary>
    public const string Length = "id.length";

    /// <summary>Something other than digits, or an X anywhere but the 18th position.</summary>
    public const string Characters = "id.characters";

    /// <summary>The first two digits are not a province-level code that issues resident IDs.</summary>
    public const string Area = "id.area";

    /// <summary>Not a calendar date, before 1900-01-01, or after today.</summary>
    public const string BirthDate = "id.birth-date";

    /// <summary>The ISO 7064 MOD 11-2 check character does not match the first 17 digits.</summary>
    public const string CheckDigit = "id.check-digit";
}
