using Lianhu.Domain.Instruments;
using Lianhu.Web.Api;
using Lianhu.Web.Features.Instruments;
using Lianhu.Web.Localization;

namespace Lianhu.Web.Tests.Features.Instruments;

/// <summary>The admin editor's form model: every shipped instrument survives the form unchanged; bad numbers name their row.</summary>
public sealed class InstrumentDraftTests
{
    public static TheoryData<string> Shipped() => [.. BundledInstruments.Load().Ids()];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void EveryShippedInstrument_RoundTripsThroughTheEditorForm(string id)
    {
        var definition = BundledInstruments.Load().Latest(id)!;
        var errors = new FieldErrors(new JsonStringLocalizer());

        var draft = InstrumentDraft.From(definition).ToDefinition(errors);

        errors.Any.ShouldBeFalse(string.Join("; ", errors.ToDictionary().Keys));
        InstrumentDefinitionJson.Serialize(draft! with { Version = definition.Version }).ShouldBe(InstrumentDefinitionJson.Serialize(definition));
    }

    [Fact]
    public void BlankRowsAreDropped_AndItemsAreNumberedInRowOrder()
    {
        var draft = InstrumentDraft.NewLocal();
        draft.Items[1] = new InstrumentDraft.ItemRow { TextZh = "甲", TextEn = "A", Weight = "1" };
        draft.Items[3] = new InstrumentDraft.ItemRow { Key = "b", TextZh = "乙", TextEn = "B", Weight = "1" };

        var definition = draft.ToDefinition(new FieldErrors(new JsonStringLocalizer()))!;

        definition.Items.Select(i => (i.Number, i.Key)).ShouldBe([(1, "item_1"), (2, "b")]);
        definition.Bands.ShouldBeEmpty();
    }

    [Fact]
    public void UnreadableNumbers_AreFieldErrorsNamingTheRow()
    {
        var draft = InstrumentDraft.From(BundledInstruments.Load().Latest("dash-ric")!);
        draft.Items[3].Weight = "two";
        draft.Bands[1].Min = "ten";
        draft.EscalationMonths = null;
        var errors = new FieldErrors(new JsonStringLocalizer());

        draft.ToDefinition(errors).ShouldBeNull();

        errors.ToDictionary().Keys.ShouldBe(["items[3].weight", "bands[1].min", "criteria.potentialEscalation.months"], ignoreOrder: true);
    }
}
