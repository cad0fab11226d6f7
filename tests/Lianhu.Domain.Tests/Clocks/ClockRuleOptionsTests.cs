using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class ClockRuleOptionsTests
{
    private static string CodeOf(string ruleId, ClockOptions options) =>
        Should.Throw<InvalidClockRequestException>(() => Catalogue.Compute(ruleId, D(2026, 3, 2), options)).Code;

    [Fact]
    public void UnknownRule_IsRejected_ListingTheKnownRules()
    {
        var ex = Should.Throw<InvalidClockRequestException>(() => Catalogue.Compute("po-nothing", D(2026, 3, 2)));

        ex.Code.ShouldBe("clock.unknown-rule");
        ex.Message.ShouldContain("po-ruling");
    }

    [Fact]
    public void Emergency_OnARuleWithoutOne_IsRejected() =>
        CodeOf("po-validity", new ClockOptions { Emergency = true }).ShouldBe("clock.emergency-not-applicable");

    [Fact]
    public void Amount_OnAFixedRule_IsRejected() =>
        CodeOf("po-ruling", new ClockOptions { Amount = 48 }).ShouldBe("clock.amount-not-adjustable");

    [Fact]
    public void EmergencyAndAmountTogether_AreRejected() =>
        CodeOf("po-ruling", new ClockOptions { Emergency = true, Amount = 24 }).ShouldBe("clock.emergency-with-amount");

    [Fact]
    public void HourReading_OnADayRule_IsRejected() =>
        CodeOf("shelter-stay", new ClockOptions { HourReading = HourReading.NextFullHour }).ShouldBe("clock.hour-reading-not-applicable");

    [Fact]
    public void Rollover_OnAnHourRule_IsRejected() =>
        CodeOf("po-ruling", new ClockOptions { Rollover = true }).ShouldBe("clock.rollover-not-applicable");

    [Fact]
    public void Rollover_CanBeSwitchedOnPerComputation()
    {
        var result = Catalogue.Compute("po-validity", D(2026, 4, 1), new ClockOptions { Rollover = true });

        result.LastDay.ShouldBe(D(2026, 10, 8));
        result.Reading.ShouldBe("months-exclusive-start-rollover");
    }

    [Fact]
    public void Rollover_CanBeSwitchedOffPerComputation() =>
        Catalogue.Compute("po-reconsideration", D(2026, 9, 28), new ClockOptions { Rollover = false }).LastDay.ShouldBe(D(2026, 10, 3));

    [Fact]
    public void DefaultReading_OfEachRule_IsStated()
    {
        Catalogue.Get("po-ruling").DefaultReading.Id.ShouldBe("exact-instant");
        Catalogue.Get("po-validity").DefaultReading.Id.ShouldBe("months-exclusive-start-no-rollover");
        Catalogue.Get("po-reconsideration").DefaultReading.Id.ShouldBe("days-exclusive-start-rollover");
    }
}
