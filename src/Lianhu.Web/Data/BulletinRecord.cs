namespace Lianhu.Web.Data;

/// <summary>
/// One published version of a monthly quality bulletin (ADR 0032): the figures of a linkage centre's
/// division for a calendar month, frozen as JSON. Never updated: regenerating the same period adds
/// version n + 1. The unique index on (division, period, version) makes a second node's automatic
/// run a conflict, which counts as done.
/// </summary>
public sealed class BulletinRecord
{
    public const int PeriodLength = 7;

    private BulletinRecord()
    {
        DivisionCode = string.Empty;
        Period = string.Empty;
        SchemeId = string.Empty;
        FiguresJson = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The linkage centre's division (city, district, town or community code).</summary>
    public string DivisionCode { get; private set; }

    /// <summary>The calendar month in Asia/Shanghai, <c>yyyy-MM</c>.</summary>
    public string Period { get; private set; }

    public int Version { get; private set; }

    public string SchemeId { get; private set; }

    public int SchemeVersion { get; private set; }

    /// <summary>The units' figures, scores and ranks and the headline figures, as published.</summary>
    public string FiguresJson { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The user who asked for it; null when the monthly run made it.</summary>
    public Guid? CreatedBy { get; private set; }

    public static BulletinRecord Create(Guid id, string divisionCode, string period, int version, string schemeId, int schemeVersion, string figuresJson, DateTimeOffset at, Guid? by) => new()
    {
        Id = id,
        DivisionCode = divisionCode,
        Period = period,
        Version = version,
        SchemeId = schemeId,
        SchemeVersion = schemeVersion,
        FiguresJson = figuresJson,
        CreatedAt = at,
        CreatedBy = by,
    };
}
