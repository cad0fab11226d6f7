using Lianhu.Domain.Intake;
using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

public class LegalAgeTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2008-03-01", "2026-02-28", true)]
    [InlineData("2008-03-01", "2026-03-01", true)] // the 18th birthday itself: 周岁 count from the next day
    [InlineData("2008-03-01", "2026-03-02", false)]
    [InlineData("2008-02-29", "2026-02-27", true)]
    [InlineData("2008-02-29", "2026-02-28", true)] // no 29 February in 2026: the anniversary is the 28th
    [InlineData("2008-02-29", "2026-03-01", false)]
    [InlineData("2008-02-29", "2028-02-29", false)]
    [InlineData("2010-02-28", "2028-02-28", true)] // leap target year
    [InlineData("2010-02-28", "2028-02-29", false)]
    public void IsMinorOn_CountsFullYearsFromTheDayAfterTheBirthday(string born, string on, bool minor)
    {
        LegalAge.IsMinorOn(D(born), D(on)).ShouldBe(minor);
    }

    [Theory]
    [InlineData("2008-02-29", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2008-03-01", "2026-03-01", 17)]
    [InlineData("2008-03-01", "2026-03-02", 18)]
    [InlineData("2026-03-01", "2026-03-01", 0)]
    [InlineData("2027-01-01", "2026-03-01", 0)]
    public void FullYears_OnLeapAndOrdinaryBirthdays(string born, string on, int years)
    {
        LegalAge.FullYears(D(born), D(on)).ShouldBe(years);
    }

    [Fact]
    public void IsElderlyOn_FromTheDayAfterTheSixtiethBirthday()
    {
        LegalAge.IsElderlyOn(D("1966-03-01"), D("2026-03-01")).ShouldBeFalse();
        LegalAge.IsElderlyOn(D("1966-03-01"), D("2026-03-02")).ShouldBeTrue();
    }

    [Fact]
    public void MinorInvolved_ByAChildParty_OrAMinorVictim_NotAMinorRespondent()
    {
        var on = D("2026-02-28");
        PartyAges.MinorInvolved([(PartyRole.Victim, D("2008-02-29"))], on).ShouldBeTrue();
        PartyAges.MinorInvolved([(PartyRole.Victim, D("2008-02-29"))], D("2026-03-01")).ShouldBeFalse();
        PartyAges.MinorInvolved([(PartyRole.Child, null)], on).ShouldBeTrue();
        PartyAges.MinorInvolved([(PartyRole.Respondent, D("2012-01-01")), (PartyRole.Victim, null)], on).ShouldBeFalse();
    }
}
