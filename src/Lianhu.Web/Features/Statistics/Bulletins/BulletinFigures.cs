namespace Lianhu.Web.Features.Statistics.Bulletins;

/// <summary>What a bulletin publishes, stored as JSON and never changed (ADR 0032).</summary>
public sealed record BulletinFigures(
    string DivisionCode, string DivisionName, string Period, DateOnly From, DateOnly To, string SchemeId, int SchemeVersion, string SchemeName,
    IReadOnlyList<BulletinIndicator> Indicators, IReadOnlyList<BulletinUnit> Units, IReadOnlyList<BulletinHeadline> Headline);

/// <summary>A scoring indicator as it was when published: id, version, names, kind, weight and direction.</summary>
public sealed record BulletinIndicator(string Id, int Version, string NameZh, string NameEn, string Kind, decimal Weight, string Direction);

/// <summary>A member unit: its figures by indicator id, its score 0–100 (null without any figure) and its rank among peers.</summary>
public sealed record BulletinUnit(Guid AgencyId, string Name, IReadOnlyDictionary<string, BulletinCell> Cells, decimal? Score, int? Rank);

/// <summary>One figure as the dashboard gives it: the value, a rate's parts, whether small-cell protection hid it, its display.</summary>
public sealed record BulletinCell(decimal? Value, int? Numerator, int? Denominator, int? Count, bool Suppressed, string Display);

/// <summary>A headline figure of the whole division (the dashboard's card).</summary>
public sealed record BulletinHeadline(string Id, int Version, string NameZh, string NameEn, BulletinCell Total);
