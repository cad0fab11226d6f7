using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

public class InstrumentVersionTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Bundled_StoresTheCanonicalDefinition_WithNoPublisher()
    {
        var row = InstrumentVersion.Bundled(Dash, Now);

        row.InstrumentId.ShouldBe("dash-ric");
        row.Version.ShouldBe(Dash.Version);
        row.Source.ShouldBe(InstrumentSource.Bundled);
        row.PublishedByUserId.ShouldBeNull();
        row.DefinitionJson.ShouldBe(InstrumentDefinitionJson.Serialize(Dash));
        InstrumentDefinitionJson.Serialize(row.Definition()).ShouldBe(row.DefinitionJson);
    }

    [Fact]
    public void Local_RecordsWhoPublished_AndRefusesAnInvalidDefinition()
    {
        var (user, agency) = (Guid.NewGuid(), Guid.NewGuid());

        var row = InstrumentVersion.Local(Odara with { Version = 2 }, Now, user, agency);

        row.Version.ShouldBe(2);
        row.Source.ShouldBe(InstrumentSource.Local);
        row.PublishedByUserId.ShouldBe(user);
        row.PublishedByAgencyId.ShouldBe(agency);
        Should.Throw<InstrumentDefinitionException>(() => InstrumentVersion.Local(Odara with { Version = 0 }, Now, user, agency)).Field.ShouldBe("version");
    }
}
