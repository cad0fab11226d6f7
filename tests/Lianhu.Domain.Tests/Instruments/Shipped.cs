using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Tests.Instruments;

/// <summary>The shipped definitions, loaded once, plus a terse way to score them.</summary>
internal static class Shipped
{
    private static readonly Lazy<InstrumentCatalogue> LazyCatalogue = new(() => InstrumentCatalogue.LoadDirectory(RepoPaths.Instruments));

    public static readonly DateOnly At = new(2025, 6, 15);

    public static InstrumentCatalogue Catalogue => LazyCatalogue.Value;

    public static InstrumentDefinition Dash => Get("dash-ric");

    public static InstrumentDefinition DangerAssessment => Get("danger-assessment");

    public static InstrumentDefinition Odara => Get("odara");

    public static InstrumentDefinition CnThreeLevel => Get("cn-three-level");

    public static InstrumentDefinition Get(string id) =>
        Catalogue.Latest(id) ?? throw new InvalidOperationException($"{id} is not shipped");

    /// <summary>Items 1..count answered yes.</summary>
    public static int[] FirstYes(int count) => Enumerable.Range(1, count).ToArray();

    public static AssessmentInput Input(IEnumerable<int>? yes = null, IEnumerable<int>? unknown = null) => new()
    {
        At = At,
        Answers = AssessmentInput.AnswersFrom(yes ?? [], unknown),
    };
}
