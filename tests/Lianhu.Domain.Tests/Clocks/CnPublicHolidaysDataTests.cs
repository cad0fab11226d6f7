using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class CnPublicHolidaysDataTests
{
    [Fact]
    public void DataFile_Loads_AndCovers2025To2027()
    {
        Calendar.Years.Select(y => y.Year).ShouldBe([2025, 2026, 2027]);
    }

    [Fact]
    public void Years2025And2026_AreOfficial_2027IsProvisionalWithANote()
    {
        Calendar.CoverageOf(2025).ShouldBe(CalendarCoverage.Official);
        Calendar.CoverageOf(2026).ShouldBe(CalendarCoverage.Official);
        Calendar.CoverageOf(2027).ShouldBe(CalendarCoverage.Provisional);
        Calendar.Years.Single(y => y.Year == 2027).Note.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void OfficialYears_CiteTheirNotice()
    {
        Calendar.Years.Single(y => y.Year == 2025).Source.ZhCn.ShouldContain("国办发明电〔2024〕12号");
        Calendar.Years.Single(y => y.Year == 2026).Source.ZhCn.ShouldContain("国办发明电〔2025〕7号");
    }

    [Theory]
    [InlineData(2025, 28, 5)] // 1 + 8 + 3 + 5 + 3 + 8 rest days; 5 weekend working days
    [InlineData(2026, 33, 6)] // 3 + 9 + 3 + 5 + 3 + 3 + 7; 6
    public void OfficialYears_HaveTheAnnouncedNumberOfDays(int year, int restDays, int workingDays)
    {
        var entry = Calendar.Years.Single(y => y.Year == year);

        entry.Holidays.Sum(h => h.Days().Count()).ShouldBe(restDays);
        entry.AdjustedWorkingDays.Count.ShouldBe(workingDays);
    }

    [Fact]
    public void SpringFestival2025_StartsOnTheEve_WithAdjustedSundayBefore()
    {
        Calendar.Classify(D(2025, 1, 28)).Holiday!.Name.ZhCn.ShouldBe("春节"); // 除夕, added in 2025
        Calendar.IsRestDay(D(2025, 2, 4)).ShouldBeTrue();
        Calendar.IsRestDay(D(2025, 1, 26)).ShouldBeFalse(); // Sunday worked
    }

    [Fact]
    public void Provisional2027_HoldsTheStatutoryDaysOnTheirLunarDates()
    {
        Calendar.Classify(D(2027, 2, 5)).Holiday!.Name.En.ShouldBe("Spring Festival"); // eve, Friday
        Calendar.Classify(D(2027, 6, 9)).Holiday!.Name.En.ShouldBe("Dragon Boat Festival");
        Calendar.Classify(D(2027, 9, 15)).Holiday!.Name.En.ShouldBe("Mid-Autumn Festival");
        Calendar.Classify(D(2027, 4, 5)).Holiday!.Name.En.ShouldBe("Qingming Festival");
    }
}
