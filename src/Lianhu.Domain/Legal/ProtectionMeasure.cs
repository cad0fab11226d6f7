namespace Lianhu.Domain.Legal;

/// <summary>
/// The measures of a protection order (ADVL Art 29) with the SPC's codes, which are stored as they
/// are: 1 prohibit DV, 2 prohibit harassment, 3 prohibit stalking, 4 prohibit contact, 5 order the
/// respondent to move out, 255 another measure (described in words).
/// </summary>
public enum ProtectionMeasure
{
    ProhibitViolence = 1,
    ProhibitHarassment = 2,
    ProhibitStalking = 3,
    ProhibitContact = 4,
    MoveOut = 5,
    Other = 255,
}

/// <summary>One measure as requested or ordered; <see cref="Text"/> is required for <see cref="ProtectionMeasure.Other"/>.</summary>
public sealed record MeasureItem(ProtectionMeasure Code, string? Text = null)
{
    public const int TextMaxLength = 1000;
}
