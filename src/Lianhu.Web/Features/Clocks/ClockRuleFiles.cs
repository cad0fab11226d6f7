using Lianhu.Domain.Clocks;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Clocks;

/// <summary>Loads the rule catalogue and holiday calendar shipped in the build output's <c>config/</c>.</summary>
public static class ClockRuleFiles
{
    public static string DefaultRulesPath => Path.Combine(LianhuPaths.Config, "clocks", "rules.json");

    public static string DefaultCalendarPath => Path.Combine(LianhuPaths.Config, "calendars", "cn-public-holidays.json");

    /// <exception cref="ClockConfigurationException">A file is invalid; the message names the field.</exception>
    public static ClockRuleCatalogue Load(string? rulesPath = null, string? calendarPath = null)
    {
        var calendar = HolidayCalendarLoader.LoadFile(calendarPath ?? DefaultCalendarPath);
        return ClockRuleCatalogueLoader.LoadFile(rulesPath ?? DefaultRulesPath, calendar);
    }
}
