namespace Lianhu.Web.Identity;

/// <summary>Claim types Lianhu adds to a signed-in principal; the acting agency always comes from here, never from a request body.</summary>
public static class LianhuClaims
{
    public const string AgencyId = "lianhu:agency";
    public const string AgencyType = "lianhu:agency-type";
    public const string DivisionCode = "lianhu:division";
    public const string Tier = "lianhu:tier";
    public const string DisplayName = "lianhu:name";
}
