using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Web.Localization;

namespace Lianhu.Web.Features.Instruments;

/// <summary>Picks the current UI language's side of a bilingual instrument text.</summary>
public static class InstrumentText
{
    public static string Pick(this LocalizedText text) => JsonStringLocalizer.CultureKey() == "en" ? text.En : text.ZhCn;

    /// <summary>A level's label in the current language, with the level id for reference ("高（本地分档） · high").</summary>
    public static string LevelLabel(this InstrumentDefinition? definition, string? level) =>
        level is null ? "—" : definition is null ? level : $"{definition.LabelOf(level).Pick()} · {level}";
}
