using System.Text.Json.Serialization;
using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Hosting;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// Who may receive a case from each channel, as data (<c>config/policies/intake-channels.json</c>).
/// The receiving agency becomes the lead. A mandatory report (ADVL Art 14) is filed by an
/// institution of a reporter type and received by the nearest unit of a <c>routeTo</c> type; a channel
/// with <c>routeTo</c> and no reporters (the self-report) is open to the public door and routed the same way.
/// </summary>
public sealed class IntakeChannelPolicy
{
    private readonly Dictionary<Channel, ChannelRule> rules;

    private IntakeChannelPolicy(Dictionary<Channel, ChannelRule> rules) => this.rules = rules;

    public static string DefaultPath => Path.Combine(LianhuPaths.Config, "policies", "intake-channels.json");

    public sealed record ChannelRule(
        Channel Channel, IReadOnlySet<AgencyType> Receivers, IReadOnlySet<AgencyType> Reporters, IReadOnlyList<AgencyType> RouteTo, bool RepeatAlarms)
    {
        public bool IsMandatoryReport => Reporters.Count > 0;

        /// <summary>
        /// The reporting duties institutions of a reporter type are under, each with its concern and source
        /// (ADVL Art 14; WRPL 2022 Art 22; the 2020 joint opinion on minors). A report that meets none is a referral.
        /// </summary>
        public IReadOnlyList<ReportingDuty> Duties { get; init; } = [];
    }

    public ChannelRule For(Channel channel) => rules[channel];

    /// <summary>Whether the user may file a report for others to receive (reporters see receipts only).</summary>
    public static bool IsReporterOnly(CurrentUser user) => user.Has(Role.Reporter) && !user.Has(Role.Caseworker) && !user.Has(Role.Supervisor);

    /// <summary>The channels the user can record, in the order of <see cref="Channel"/>.</summary>
    public IReadOnlyList<Channel> ChannelsFor(CurrentUser user) =>
        [.. rules.Values.Where(r => Allows(r, user) is not null).Select(r => r.Channel).Order()];

    /// <summary>How the user takes in a case from this channel, or null when they may not.</summary>
    public IntakeMode? Allows(ChannelRule rule, CurrentUser user)
    {
        // The public door files on a channel that routes without reporters (the victim's own report, ADR 0033).
        if (user.IsPublic)
        {
            return rule is { IsMandatoryReport: false, RouteTo.Count: > 0 } ? IntakeMode.SelfReported : null;
        }

        if (IsReporterOnly(user))
        {
            return rule.Reporters.Contains(user.AgencyType) ? IntakeMode.FiledAsReporter : null;
        }

        if (rule.Receivers.Contains(user.AgencyType))
        {
            return IntakeMode.Received;
        }

        return rule.Reporters.Contains(user.AgencyType) ? IntakeMode.FiledAsReporter : null;
    }

    public static IntakeChannelPolicy Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Reads the file strictly (an unknown member is an error); every error a <see cref="FormatException"/> naming the file and the JSON path.</summary>
    public static IntakeChannelPolicy Parse(string json, string source)
    {
        var document = PolicyJson.Read<Document>(json, source);
        var rules = new Dictionary<Channel, ChannelRule>();
        for (var i = 0; i < (document.Channels ?? []).Count; i++)
        {
            var entry = document.Channels![i];
            var at = $"{source}: $.channels[{i}]";
            var channel = Parse<Channel>(entry.Channel, $"{at}.channel");
            var rule = new ChannelRule(
                channel,
                (entry.Receivers ?? []).Select(t => Parse<AgencyType>(t, $"{at}.receivers")).ToHashSet(),
                (entry.Reporters ?? []).Select(t => Parse<AgencyType>(t, $"{at}.reporters")).ToHashSet(),
                [.. (entry.RouteTo ?? []).Select(t => Parse<AgencyType>(t, $"{at}.routeTo"))],
                entry.RepeatAlarms)
            {
                Duties = [.. (entry.Duties ?? []).Select((d, j) => Duty(d, $"{at}.duties[{j}]"))],
            };
            var stray = rule.Duties.SelectMany(d => d.Reporters).Where(t => !rule.Reporters.Contains(t)).Distinct().ToList();
            if (stray.Count > 0)
            {
                throw new FormatException($"{at}.duties: {string.Join(", ", stray.Select(StableName.Of))} under a duty but not among the channel's reporters.");
            }

            if (rule.IsMandatoryReport && rule.Duties.Count == 0)
            {
                throw new FormatException($"{at}.duties: channel '{entry.Channel}' has reporters but no reporting duty (ADVL Art 14).");
            }

            if (rule.IsMandatoryReport && rule.RouteTo.Count == 0)
            {
                throw new FormatException($"{at}.routeTo: channel '{entry.Channel}' has reporters but nowhere to route their reports.");
            }

            if (!rules.TryAdd(channel, rule))
            {
                throw new FormatException($"{at}.channel: channel '{entry.Channel}' is defined twice.");
            }
        }

        var missing = Enum.GetValues<Channel>().Where(c => !rules.ContainsKey(c)).Select(StableName.Of).ToList();
        return missing.Count == 0
            ? new IntakeChannelPolicy(rules)
            : throw new FormatException($"{source}: $.channels: no rule for channel(s) {string.Join(", ", missing)}.");
    }

    private static ReportingDuty Duty(DutyEntry d, string at)
    {
        if (string.IsNullOrWhiteSpace(d.Id))
        {
            throw new FormatException($"{at}.id: a duty needs an id.");
        }

        if (d.Source is null || !d.Source.TryGetValue("zh-CN", out var zh) || !d.Source.TryGetValue("en", out var en) || string.IsNullOrWhiteSpace(zh) || string.IsNullOrWhiteSpace(en))
        {
            throw new FormatException($"{at}.source: a duty cites its source in zh-CN and en.");
        }

        return new ReportingDuty(
            d.Id.Trim(),
            (d.Reporters ?? []).Select(t => Parse<AgencyType>(t, $"{at}.reporters")).ToHashSet(),
            Parse<ReportConcern>(d.Concern, $"{at}.concern"),
            zh,
            en);
    }

    private static T Parse<T>(string? name, string at)
        where T : struct, Enum =>
        StableName.TryParse<T>(name, out var value) ? value : throw new FormatException($"{at}: '{name}' is not one of {string.Join(", ", StableName.All<T>())}.");

    private sealed record Document(string? Id, int Version, bool IsLocalPolicy, string? Note, string? Source, IReadOnlyList<Entry>? Channels);

    private sealed record Entry(
        string? Channel,
        IReadOnlyList<string>? Receivers,
        IReadOnlyList<string>? Reporters,
        [property: JsonPropertyName("routeTo")] IReadOnlyList<string>? RouteTo,
        bool RepeatAlarms,
        IReadOnlyList<DutyEntry>? Duties = null);

    private sealed record DutyEntry(string? Id, string? Concern, IReadOnlyList<string>? Reporters, IReadOnlyDictionary<string, string>? Source, string? Note = null);
}

/// <summary>
/// How an intake comes in: received by the caller's agency (it leads), filed by a mandatory reporter for
/// another unit to receive, or filed by the person herself through the public door and routed like a report.
/// </summary>
public enum IntakeMode
{
    Received,
    FiledAsReporter,
    SelfReported,
}
