using System.Globalization;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Legal;

/// <summary>
/// The <c>po-validity</c> computation for an issued order. The court-stated last day prevails
/// (ADR 0006, Consequences): when it equals a whole number of months from the day made, the rule
/// computes it as usual; otherwise the rule's computation for the next whole month is narrowed to
/// the stated day, with reading <see cref="CourtStatedReading"/> and an explanation that says so.
/// </summary>
public static class ValidityClock
{
    public const string RuleId = "po-validity";
    public const string CourtStatedReading = "court-stated";

    public static ClockComputation Compute(ClockRuleCatalogue catalogue, DateOnly made, DateOnly validUntil)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ClockComputation? covering = null;
        for (var months = 1; months <= ProtectionOrder.MaxValidityMonths; months++)
        {
            var computed = catalogue.Compute(RuleId, made, new ClockOptions { Amount = months });
            if (computed.LastDay == validUntil)
            {
                return computed;
            }

            if (computed.LastDay > validUntil)
            {
                covering = computed;
                break;
            }
        }

        covering ??= catalogue.Compute(RuleId, made, new ClockOptions { Amount = ProtectionOrder.MaxValidityMonths });
        var due = ShanghaiTime.StartOfDay(validUntil.AddDays(1));
        var day = validUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var madeText = made.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var source = covering.Source;
        return covering with
        {
            Due = due,
            LastDay = validUntil,
            Reading = CourtStatedReading,
            ReadingText = new LocalizedText("以裁定书载明的期限为准", "as stated in the ruling"),
            Explanation = new LocalizedText(
                $"自保护令作出 {madeText} 起，裁定书载明有效期至 {day} → 于 {day} 24:00 到期（{source.ZhCn}，不超过六个月）",
                $"Order made {madeText}, valid as stated in the ruling until {day} → ends {day} 24:00 ({source.En}, at most 6 months)"),
            Period = covering.Period with { Due = due, LastDay = validUntil, NominalLastDay = validUntil },
        };
    }
}
