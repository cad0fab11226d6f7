using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Web.Features.Instruments;

namespace Lianhu.Web.Cli;

/// <summary>
/// <c>lianhu score &lt;instrument-id&gt; [--json] [--yes 1,5,14] [--unknown 3,4] [--judgement high
/// --judgement-reason TEXT] [--incidents DATE,…] [--last-referral DATE --incident-date DATE]
/// [--at DATE] [--version N]</c>: scores answers with a bundled instrument definition, so the
/// arithmetic can be checked from outside. Needs no database. With <c>--json</c> it prints exactly
/// the API's JSON; invalid input prints <c>{"error":{"field","reason"}}</c> on stderr and exits 2.
/// </summary>
public static class ScoreCommand
{
    public const int InvalidInput = 2;

    public static Command Create()
    {
        var instrument = new Argument<string?>("instrument-id") { Arity = ArgumentArity.ZeroOrOne, Description = "e.g. dash-ric, danger-assessment, odara, cn-three-level" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (the API's shape)" };
        var options = new Dictionary<string, Option<string?>>
        {
            ["yes"] = Text("--yes", "Items answered yes, comma-separated (1,5,14)"),
            ["unknown"] = Text("--unknown", "Items answered don't know / ?, comma-separated"),
            ["judgement"] = Text("--judgement", "Professional judgement: a level id of the instrument (e.g. high)"),
            ["judgementReason"] = Text("--judgement-reason", "Why (required with --judgement)"),
            ["incidents"] = Text("--incidents", "Incident dates yyyy-MM-dd, comma-separated (include the current one)"),
            ["lastReferral"] = Text("--last-referral", "Date of the last referral (yyyy-MM-dd)"),
            ["incidentDate"] = Text("--incident-date", "Date of the current incident (yyyy-MM-dd)"),
            ["at"] = Text("--at", "Assessment date (yyyy-MM-dd); default today in Asia/Shanghai"),
            ["version"] = Text("--version", "Definition version; default the latest bundled one"),
        };
        var command = new Command("score", "Score answers with a bundled risk instrument (no database)") { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(instrument);
        command.Options.Add(json);
        foreach (var option in options.Values)
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            string? Value(string key) => result.GetValue(options[key]);
            var asJson = result.GetValue(json);
            try
            {
                if (result.UnmatchedTokens.Count > 0)
                {
                    throw new AssessmentValidationException("arguments", $"unexpected argument '{result.UnmatchedTokens[0]}' (lists are comma-separated: --yes 1,5,14)");
                }

                var definition = Find(result.GetValue(instrument), Value("version"));
                var request = new ScoreRequest
                {
                    Yes = Numbers("yes", Value("yes")),
                    Unknown = Numbers("unknown", Value("unknown")),
                    Judgement = Value("judgement"),
                    JudgementReason = Value("judgementReason"),
                    Incidents = List(Value("incidents")),
                    LastReferral = Value("lastReferral"),
                    IncidentDate = Value("incidentDate"),
                    At = Value("at"),
                };
                var score = InstrumentScorer.Score(definition, request.ToInput(Lianhu.Domain.Clocks.ShanghaiTime.DayOf(TimeProvider.System.GetUtcNow())));
                Console.Out.WriteLine(asJson ? ScoreResultJson.Serialize(score) : Describe(definition, score));
                return 0;
            }
            catch (AssessmentValidationException ex)
            {
                Console.Error.WriteLine(asJson ? ErrorJson(ScoreRequest.FieldName(ex.Field), ex.Reason) : $"error: {ScoreRequest.FieldName(ex.Field)}: {ex.Reason}");
                return InvalidInput;
            }
        });
        return command;
    }

    private static Option<string?> Text(string name, string description) =>
        new(name) { Arity = ArgumentArity.ZeroOrOne, Description = description };

    private static InstrumentDefinition Find(string? id, string? versionText)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new AssessmentValidationException("instrument", "an instrument id is required, e.g. lianhu score dash-ric --json --yes 1,2,3");
        }

        var catalogue = BundledInstruments.Load();
        if (!catalogue.Ids().Contains(id))
        {
            throw new AssessmentValidationException("instrument", $"unknown instrument '{id}' (known: {string.Join(", ", catalogue.Ids())})");
        }

        if (versionText is null)
        {
            return catalogue.Latest(id)!;
        }

        if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new AssessmentValidationException("version", $"'{versionText}' is not a version number");
        }

        return catalogue.Find(id, version)
            ?? throw new AssessmentValidationException("version", $"{id} has no version {version} (versions: {string.Join(", ", catalogue.All.Where(d => d.Id == id).Select(d => d.Version))})");
    }

    private static string[]? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int[]? Numbers(string field, string? text) =>
        List(text)?.Select(n => int.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new AssessmentValidationException(field, $"'{n}' is not an item number")).ToArray();

    private static string ErrorJson(string field, string reason)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = InstrumentJsonOptions.Default.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("field", field);
            writer.WriteString("reason", reason);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A short reading of the result: Chinese when the console's UI culture is Chinese, English otherwise.</summary>
    private static string Describe(InstrumentDefinition definition, ScoreResult result)
    {
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        string Pick(LocalizedText t) => zh ? t.ZhCn : t.En;
        var level = result.Level is { } l ? $"{Pick(definition.LabelOf(l))} ({l})" : zh ? "无等级" : "none (unbanded)";
        var referral = result.Referral ? (zh ? "是" : "yes") + $" ({string.Join(", ", result.Criteria)})" : zh ? "否" : "no";
        var summary = zh
            ? $"得分 {ScoreFormat.Format(result.Score)} · 等级 {level} · 通用等级 {result.CommonLevel?.ToId() ?? "—"} · 转介 {referral}"
            : $"score {ScoreFormat.Format(result.Score)} · level {level} · common level {result.CommonLevel?.ToId() ?? "none"} · referral {referral}";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{Pick(definition.Name)} · {definition.Id} v{definition.Version}")
            .AppendLine(summary)
            .AppendLine(zh ? "理由：" : "why:");
        foreach (var line in result.Explanations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {Pick(line)}");
        }

        return text.ToString().TrimEnd();
    }
}
