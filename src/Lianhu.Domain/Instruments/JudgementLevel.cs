using Lianhu.Domain.Common;

namespace Lianhu.Domain.Instruments;

/// <summary>
/// A level a practitioner may choose when the instrument has no bands (e.g. the Danger Assessment
/// without licensed weights), so that professional judgement still yields a level and a common level.
/// </summary>
public sealed record JudgementLevel
{
    public required string Level { get; init; }

    public required LocalizedText Label { get; init; }
}
