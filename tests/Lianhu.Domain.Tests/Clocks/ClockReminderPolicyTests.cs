using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class ClockReminderPolicyTests
{
    private static DateTimeOffset ReminderFor(string ruleId, ClockComputation computation, double fraction = ClockReminderPolicy.DefaultFraction) =>
        ClockReminderPolicy.ReminderAt(Catalogue.Get(ruleId), computation, fraction);

    [Fact]
    public void RuleLeadTime_IsUsed_WhenShorterThanThePeriod() =>
        ReminderFor("po-ruling", Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10))).ShouldBe(Bj(2026, 3, 4, 22));

    [Fact]
    public void RuleLeadTime_AsLongAsThePeriod_FallsBackToTheFraction()
    {
        var lead = Catalogue.Get("reassessment-high").ReminderBefore; // 1 day of a 7-day period: used
        lead.ShouldBe(TimeSpan.FromDays(1));

        // Emergency ruling: 24 h; the 12 h lead is shorter, so it still applies.
        ReminderFor("po-ruling", Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10), new ClockOptions { Emergency = true }))
            .ShouldBe(Bj(2026, 3, 2, 22));
    }

    [Fact]
    public void WithoutALeadTime_TheDefaultFractionOfThePeriodApplies()
    {
        // return-visit-after-110 has no reminder_before: incident 2026-03-02 20:00, due 2026-03-04 00:00 (28 h).
        var computation = Catalogue.Compute("return-visit-after-110", Bj(2026, 3, 2, 20));

        ReminderFor("return-visit-after-110", computation).ShouldBe(Bj(2026, 3, 3, 17));
        ReminderFor("return-visit-after-110", computation, 0.5).ShouldBe(Bj(2026, 3, 3, 10));
    }

    [Fact]
    public void Reminder_IsReturnedInUtc() =>
        ReminderFor("po-ruling", Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10))).Offset.ShouldBe(TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.5)]
    public void Fraction_OutsideZeroToOne_IsRejected(double fraction) =>
        Should.Throw<ArgumentOutOfRangeException>(() => ReminderFor("po-ruling", Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10)), fraction));

    [Fact]
    public void EveryRuleThatNamesALeadTime_HasOneShorterThanItsPeriod()
    {
        foreach (var rule in Catalogue.Rules.Where(r => r.ReminderBefore is not null))
        {
            var computation = Catalogue.Compute(rule.Id, D(2026, 3, 2));
            var period = computation.Due - computation.Period.Start.EarliestInstant;
            rule.ReminderBefore!.Value.ShouldBeLessThan(period, rule.Id);
        }
    }
}
