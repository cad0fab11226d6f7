using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Sharing;
using Lianhu.Domain.Visits;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Retention;
using Lianhu.Web.Features.Visits;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.PolicyFiles;

/// <summary>
/// Every policy file the platform reads, loaded once at startup from one folder laid out like
/// <c>config/</c> (<c>policies/</c>, <c>clocks/</c>, <c>calendars/</c>, <c>instruments/</c>), each
/// strictly: an unknown member, a wrong type or an unknown name is an error naming the file and the
/// JSON path. A file the folder lacks is taken from the bundled <c>config/</c>, so a city ships only
/// what it changes. Services take their policy from here; <c>lianhu policies check [--dir D]</c>
/// runs the same <see cref="Check"/> without starting anything (ADR 0025).
/// </summary>
public sealed class PolicyCatalogue
{
    public const string Section = "Lianhu:Policies";

    private PolicyCatalogue()
    {
    }

    public required SectionPolicy Sections { get; init; }

    public required IntakeChannelPolicy IntakeChannels { get; init; }

    public required RoutingPolicy Routing { get; init; }

    public required SharingPolicy Sharing { get; init; }

    public required RiskHandlingPolicy RiskHandling { get; init; }

    public required RetentionPolicy Retention { get; init; }

    public required ClockRuleCatalogue Clocks { get; init; }

    public required ReturnVisitPolicy ReturnVisits { get; init; }

    public required InstrumentCatalogue Instruments { get; init; }

    /// <summary>The folder of the city's policies given in configuration (<c>Lianhu:Policies:Directory</c>), else the bundled <c>config/</c>.</summary>
    public static string DirectoryFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[$"{Section}:Directory"] is { Length: > 0 } dir ? Path.GetFullPath(dir) : LianhuPaths.Config;
    }

    /// <exception cref="PolicyCatalogueException">Any file is invalid; the message lists every problem.</exception>
    public static PolicyCatalogue Load(string directory, string? clockRulesFile = null, string? calendarFile = null)
    {
        var check = Check(directory, clockRulesFile, calendarFile);
        return check.Catalogue ?? throw new PolicyCatalogueException(check.Problems);
    }

    /// <summary>Reads every file; the catalogue when all are valid, else every problem found.</summary>
    public static PolicyCheck Check(string directory, string? clockRulesFile = null, string? calendarFile = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var problems = new List<PolicyProblem>();
        var files = new List<string>();

        string Find(params string[] relative)
        {
            var local = Path.Combine([directory, .. relative]);
            var path = File.Exists(local) || Directory.Exists(local) ? local : Path.Combine([LianhuPaths.Config, .. relative]);
            files.Add(path);
            return path;
        }

        T? Read<T>(string path, Func<string, T> load)
            where T : class
        {
            try
            {
                return load(path);
            }
            catch (Exception ex) when (IsPolicyError(ex))
            {
                problems.Add(PolicyProblem.From(path, ex));
                return null;
            }
        }

        var sections = Read(Find("policies", "section-permissions.json"), SectionPolicy.Load);
        var channels = Read(Find("policies", "intake-channels.json"), IntakeChannelPolicy.Load);
        var routing = Read(Find("policies", "routing.json"), RoutingPolicyJson.Load);
        var sharing = Read(Find("policies", "sharing.json"), SharingPolicyJson.Load);
        var risk = Read(Find("policies", "risk-handling.json"), RiskHandlingPolicyJson.LoadFile);
        var retention = Read(Find("policies", "retention.json"), p => RetentionPolicy.Load(p));
        var calendar = calendarFile ?? Find("calendars", "cn-public-holidays.json");
        var clocks = Read(clockRulesFile ?? Find("clocks", "rules.json"), p => ClockRuleFiles.Load(p, calendar));
        var visitsFile = Find("policies", "return-visits.json");
        // The visit policy names clock rules: checked against the catalogue when that loaded.
        var visits = Read(visitsFile, p => clocks is null ? ReturnVisitPolicy.Load(p) : VisitPolicyCheck.Loaded(p, clocks));
        var instruments = Read(Find("instruments"), InstrumentCatalogue.LoadDirectory);

        if (problems.Count > 0)
        {
            return new PolicyCheck(null, problems, files);
        }

        return new PolicyCheck(
            new PolicyCatalogue
            {
                Sections = sections!,
                IntakeChannels = channels!,
                Routing = routing!,
                Sharing = sharing!,
                RiskHandling = risk!,
                Retention = retention!,
                Clocks = clocks!,
                ReturnVisits = visits!,
                Instruments = instruments!,
            },
            problems,
            files);
    }

    // What a loader throws for a bad or missing file; anything else is a bug and propagates.
    private static bool IsPolicyError(Exception ex) =>
        ex is FormatException or JsonException or RiskHandlingPolicyException or InstrumentDefinitionException or ClockConfigurationException
            or IOException or UnauthorizedAccessException or InvalidOperationException;
}

/// <summary>The result of reading a policy folder: the catalogue (null when any file is invalid), the problems, the files read.</summary>
public sealed record PolicyCheck(PolicyCatalogue? Catalogue, IReadOnlyList<PolicyProblem> Problems, IReadOnlyList<string> Files);

/// <summary>One invalid file: the file and what is wrong — the JSON path and the reason, as the loader words them.</summary>
public sealed record PolicyProblem(string File, string Reason)
{
    public static PolicyProblem From(string path, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        // Loaders put the file name first ("routing.json: $.rules[0].foo: …"); it is not repeated.
        var name = Path.GetFileName(path);
        var reason = ex.Message.StartsWith(name + ": ", StringComparison.Ordinal) ? ex.Message[(name.Length + 2)..] : ex.Message;
        return new PolicyProblem(path, reason);
    }

    public override string ToString() => $"{File}: {Reason}";
}

/// <summary>The policy folder is invalid: startup stops here, naming every file and member at fault.</summary>
public sealed class PolicyCatalogueException(IReadOnlyList<PolicyProblem> problems)
    : Exception("Invalid policy files:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<PolicyProblem> Problems { get; } = problems;
}
