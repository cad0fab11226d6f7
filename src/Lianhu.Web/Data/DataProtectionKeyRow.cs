namespace Lianhu.Web.Data;

/// <summary>One ASP.NET Core data-protection key (XML), shared by every node through the database.</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
