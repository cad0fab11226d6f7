using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Tests.Instruments;

public class ScoreFormatTests
{
    [Theory]
    [InlineData("14.0", "14")]
    [InlineData("2.50", "2.5")]
    [InlineData("0.000", "0")]
    [InlineData("13", "13")]
    public void Format_DropsTrailingZeros(string value, string expected) =>
        ScoreFormat.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Format_IgnoresTheCurrentCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            ScoreFormat.Format(2.5m).ShouldBe("2.5");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
