using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Features.Clocks;

namespace Lianhu.Web.Cli;

/// <summary>
/// <c>lianhu clock --list [--json]</c> and
/// <c>lianhu clock &lt;rule-id&gt; --at &lt;time or date&gt; [--emergency] [--months N] [--reading R] [--json]</c>:
/// statutory period arithmetic from the command line, reading only <c>config/</c> (no database).
/// Exit 0 with the result on stdout; exit 2 with <c>{"error":{"code","message"}}</c> on stderr for
/// anything the caller got wrong; exit 1 when the rule or calendar file itself is invalid.
/// </summary>
public static class ClockCommand
{
    public const int UsageError = 2;
    public const int ConfigurationError = 1;

    private static readonly JsonSerializerOptions ErrorJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        // Every value is read as text and checked here, so that every mistake — including a missing
        // value or an unknown flag — answers with the JSON error and exit 2 rather than a usage page.
        var rule = new Argument<string?>("rule-id") { Arity = ArgumentArity.ZeroOrOne, Description = "A rule id from --list, e.g. po-ruling" };
        var list = new Option<bool>("--list") { Description = "List the rule ids" };
        var at = new Option<string?>("--at") { Arity = ArgumentArity.ZeroOrOne, Description = "Start: 2026-03-02T10:00:00+08:00, 2026-03-02T10:00 (Beijing time) or 2026-03-02" };
        var emergency = new Option<bool>("--emergency") { Description = "Use the rule's emergency period (po-ruling: 24 h)" };
        var months = new Option<string?>("--months") { Arity = ArgumentArity.ZeroOrOne, Description = "Choose the amount within the rule's range (po-validity: 1-6)" };
        var reading = new Option<string?>("--reading") { Arity = ArgumentArity.ZeroOrOne, Description = "Override the reading: exact-instant | next-full-hour (hour rules); days-/months-exclusive-start-[no-]rollover" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("clock", "Compute a statutory clock's due time, or list the rules (no database needed)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(rule);
        command.Options.Add(list);
        command.Options.Add(at);
        command.Options.Add(emergency);
        command.Options.Add(months);
        command.Options.Add(reading);
        command.Options.Add(json);
        command.SetAction(result => Run(
            result.UnmatchedTokens,
            result.GetValue(rule),
            result.GetValue(list),
            Given(result, at),
            result.GetValue(emergency),
            Given(result, months),
            Given(result, reading),
            result.GetValue(json)));
        return command;
    }

    // "--at" given without a value reads as an empty string, so it is reported as missing, not ignored.
    private static string? Given(ParseResult result, Option<string?> option) =>
        result.GetResult(option) is null ? null : result.GetValue(option) ?? string.Empty;

    private static int Run(
        IReadOnlyList<string> unmatched, string? ruleId, bool list, string? at, bool emergency, string? monthsText, string? reading, bool json)
    {
        if (unmatched.Count > 0)
        {
            return Fail("cli.unknown-argument", $"Unknown argument(s): {string.Join(" ", unmatched)}.");
        }

        ClockRuleCatalogue catalogue;
        try
        {
            catalogue = ClockRuleFiles.Load();
        }
        catch (ClockConfigurationException ex)
        {
            return Fail("clock.configuration", ex.Message, ConfigurationError);
        }

        if (list)
        {
            if (ruleId is not null || at is not null)
            {
                return Fail("cli.list-with-rule", "--list takes no rule id and no --at.");
            }

            Console.WriteLine(json ? ListClockRules.Serialize(catalogue) : string.Join(Environment.NewLine, catalogue.Rules.Select(r => r.Id)));
            return 0;
        }

        if (ruleId is null)
        {
            return Fail("clock.missing-rule", "Give a rule id (see lianhu clock --list) and --at, or --list.");
        }

        int? months = null;
        if (monthsText is not null)
        {
            if (!int.TryParse(monthsText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Fail("clock.invalid-months", $"--months takes a whole number, not '{monthsText}'.");
            }

            months = parsed;
        }

        if (reading is { Length: 0 })
        {
            return Fail("clock.unknown-reading", $"--reading needs a value: {string.Join(", ", ClockRequest.ReadingIds)}.");
        }

        var outcome = ClockRequest.Compute(catalogue, ruleId, at, emergency, months, reading);
        if (!outcome.Ok)
        {
            var first = outcome.Errors[0];
            return Fail(first.Code == "required" ? "clock.missing-start" : first.Code, first.Message);
        }

        var computation = outcome.Computation!;
        Console.WriteLine(json ? ClockComputationJson.Serialize(computation) : Describe(computation));
        return 0;
    }

    private static string Describe(ClockComputation c) => string.Join(Environment.NewLine,
        $"rule:      {c.RuleId}",
        $"due:       {ClockDisplay.Iso(c.Due)}",
        $"last day:  {(c.LastDay is { } day ? ClockDisplay.Day(day) + " (ends 24:00)" : "-")}",
        $"reading:   {c.Reading}",
        $"source:    {c.Source.Combined}",
        c.Explanation.ZhCn,
        c.Explanation.En);

    private static int Fail(string code, string message, int exitCode = UsageError)
    {
        Console.Error.WriteLine(JsonSerializer.Serialize(new { error = new { code, message } }, ErrorJson));
        return exitCode;
    }
}
