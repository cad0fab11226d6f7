using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// Reads and validates config/clocks/rules.json. Every problem throws
/// <see cref="ClockConfigurationException"/> naming the field, e.g. <c>rules[3].rollover</c>.
/// </summary>
public static class ClockRuleCatalogueLoader
{
    public static ClockRuleCatalogue LoadFile(string path, HolidayCalendar calendar) =>
        Parse(File.ReadAllText(path), calendar, Path.GetFileName(path));

    public static ClockRuleCatalogue Parse(string json, HolidayCalendar calendar, string document = "clock rules")
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var dto = PolicyJson.ReadSnakeCase<ClockRuleDocument>(json, ClockFields.ErrorsIn(document));
        if (dto.TimeZone != HolidayCalendarLoader.SupportedTimeZone)
        {
            throw new ClockConfigurationException(document, "time_zone", $"must be \"{HolidayCalendarLoader.SupportedTimeZone}\"");
        }

        ClockFields.Required(dto.Version, document, "version");
        var ruleDtos = ClockFields.Required(dto.Rules, document, "rules");
        if (ruleDtos.Count == 0)
        {
            throw new ClockConfigurationException(document, "rules", "must list at least one rule");
        }

        var rules = new List<ClockRule>();
        for (var i = 0; i < ruleDtos.Count; i++)
        {
            var rule = ClockRuleReader.Read(ruleDtos[i], document, $"rules[{i}]");
            if (rules.Any(r => r.Id == rule.Id))
            {
                throw new ClockConfigurationException(document, $"rules[{i}].id", $"'{rule.Id}' is used by another rule");
            }

            rules.Add(rule);
        }

        return new ClockRuleCatalogue(rules, calendar);
    }
}
