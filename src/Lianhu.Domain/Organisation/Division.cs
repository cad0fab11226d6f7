namespace Lianhu.Domain.Organisation;

/// <summary>An administrative division (reference data loaded from the division data package).</summary>
public sealed class Division
{
    private Division()
    {
        Code = string.Empty;
        Name = string.Empty;
        ScopePrefix = string.Empty;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? ParentCode { get; private set; }

    public Tier Tier { get; private set; }

    /// <summary>Every division inside this one has a code starting with this prefix (see <see cref="DivisionCode.ScopePrefix"/>).</summary>
    public string ScopePrefix { get; private set; }

    public static Division Create(DivisionCode code, string name) => new()
    {
        Code = code.Value,
        Name = name,
        ParentCode = code.Parent?.Value,
        Tier = code.Tier,
        ScopePrefix = code.ScopePrefix,
    };

    public void Rename(string name) => Name = name;
}
