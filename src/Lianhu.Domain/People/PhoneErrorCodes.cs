namespace Lianhu.Domain.People;

/// <summary>Stable codes for why a phone number was rejected (also message keys).</summary>
public static class PhoneErrorCodes
{
    /// <summary>Something other than digits, a leading +, spaces, dashes and parentheses.</summary>
    public const string Characters = "phone.characters";

    /// <summary>Empty, or the wrong number of digits for a mobile or the given area code.</summary>
    public const string Length = "phone.length";

    /// <summary>
    /// Not a mainland number: another country code, a mobile prefix outside 13–19, an unknown
    /// area code, or a local number without its area code.
    /// </summary>
    public const string Prefix = "phone.prefix";
}
