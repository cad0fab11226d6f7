using Lianhu.Web.Features.Statistics;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Tests.Features.Statistics;

/// <summary>The indicator files are read strictly: the bundled set loads; a bad file is refused naming the file and the member.</summary>
public sealed class IndicatorCatalogueTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lianhu-indicators-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void TheBundledIndicators_Load_EachWithNamesAndADefinitionInBothLanguages()
    {
        var catalogue = IndicatorCatalogue.LoadDirectory(Path.Combine(LianhuPaths.Config, "indicators"), null);
        catalogue.Current.Count.ShouldBeGreaterThanOrEqualTo(20);
        catalogue.Find("handling-rate")!.Definition.ZhCn.ShouldContain("办结");
        catalogue.Current.ShouldAllBe(d => d.Dimensions.Count > 0);
    }

    [Theory]
    [InlineData("""{"id":"x","version":1,"name":{"zh-CN":"甲","en":"A"},"definition":{"zh-CN":"甲","en":"A"},"kind":"count","source":"planets","dimensions":["division"]}""", "$.source")]
    [InlineData("""{"id":"x","version":1,"name":{"zh-CN":"甲","en":"A"},"definition":{"zh-CN":"甲","en":"A"},"kind":"rate","source":"cases","dimensions":["division"]}""", "$.kind")]
    [InlineData("""{"id":"x","version":1,"name":{"zh-CN":"甲","en":"A"},"definition":{"zh-CN":"甲","en":"A"},"kind":"count","source":"cases","dimensions":["shoe-size"]}""", "$.dimensions")]
    [InlineData("""{"id":"x","version":1,"name":{"zh-CN":"甲","en":"A"},"definition":{"zh-CN":"甲","en":"A"},"kind":"count","source":"cases","filter":{"status":["lost"]},"dimensions":["division"]}""", "$.filter.status")]
    [InlineData("""{"id":"x","version":1,"name":{"zh-CN":"甲","en":"A"},"definition":{"zh-CN":"甲","en":"A"},"kind":"count","source":"cases","colour":"red","dimensions":["division"]}""", "colour")]
    public void ABadFile_IsRefused_NamingTheFileAndTheMember(string json, string member)
    {
        File.WriteAllText(Path.Combine(directory, "x.v1.json"), json);
        var error = Should.Throw<FormatException>(() => IndicatorCatalogue.LoadDirectory(directory, null));
        error.Message.ShouldStartWith("x.v1.json: ");
        error.Message.ShouldContain(member);
    }

    [Fact]
    public void SmallCells_HideOneToFour_AndTheComplement_SoTheTotalRevealsNothing()
    {
        var cells = new SmallCells(new StatisticsPolicy(5));
        StatisticsRow Row(string key, int n) => new(key, key, n, null, null, n, false, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (rows, total) = cells.Protect([Row("a", 3), Row("b", 40), Row("c", 12), Row("d", 0)], Row("total", 55));
        rows.Single(r => r.Key == "a").Display.ShouldBe("<5");
        rows.Single(r => r.Key == "d").Suppressed.ShouldBeFalse("a zero reveals no one");
        rows.Count(r => r.Suppressed).ShouldBe(2);
        rows.Single(r => r.Key == "b").Suppressed.ShouldBeFalse();
        total.Suppressed.ShouldBeFalse();
        cells.Protect([Row("a", 2)], Row("total", 2)).Total.Display.ShouldBe("<5");
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("宝安区", "宝安区")]
    public void TheExport_PrefixesFormulaCells(string cell, string expected) => StatisticsExport.Escape(cell).ShouldBe(expected);
}
