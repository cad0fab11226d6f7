using System.Globalization;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Web.Api;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// The admin editor's form: an instrument definition as rows of plain text fields (no JSON box),
/// so a city administrator can write or revise a scale. Blank rows are ignored, which is how the
/// page offers room for new items and bands without script, and how a row is removed. Numbers are
/// read here (a field error names the row); every rule is then the domain validator's.
/// </summary>
public sealed class InstrumentDraft
{
    public string? Id { get; set; }

    public string? NameZh { get; set; }

    public string? NameEn { get; set; }

    public string? Source { get; set; }

    public bool IsLocalPolicy { get; set; }

    public string? LocalPolicyNote { get; set; }

    /// <summary><c>count</c> or <c>weights</c>.</summary>
    public string? ScoringKind { get; set; }

    public string? MaxUnknownItems { get; set; }

    /// <summary>Never null: the form binder sets a list with no posted rows to null.</summary>
    public List<ItemRow> Items { get; set => field = value ?? []; } = [];

    /// <summary>Never null: the form binder sets a list with no posted rows to null.</summary>
    public List<BandRow> Bands { get; set => field = value ?? []; } = [];

    /// <summary>Never null: the form binder sets a list with no posted rows to null.</summary>
    public List<LevelRow> JudgementLevels { get; set => field = value ?? []; } = [];

    public string? VisibleHighRiskMinScore { get; set; }

    public string? EscalationIncidents { get; set; }

    public string? EscalationMonths { get; set; }

    public string? RepeatWithinMonths { get; set; }

    public bool ProfessionalJudgementAllowed { get; set; }

    /// <summary>Set by the "more rows" button instead of publishing.</summary>
    public string? Command { get; set; }

    public sealed class ItemRow
    {
        public string? Key { get; set; }

        public string? TextZh { get; set; }

        public string? TextEn { get; set; }

        public string? Weight { get; set; }

        public string? ForcesLevel { get; set; }

        internal bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(TextZh) && string.IsNullOrWhiteSpace(TextEn);
    }

    public sealed class BandRow
    {
        public string? Level { get; set; }

        public string? Min { get; set; }

        public string? Max { get; set; }

        public string? LabelZh { get; set; }

        public string? LabelEn { get; set; }

        /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
        public string? CommonLevel { get; set; }

        internal bool IsBlank => string.IsNullOrWhiteSpace(Level) && string.IsNullOrWhiteSpace(LabelZh) && string.IsNullOrWhiteSpace(LabelEn);
    }

    public sealed class LevelRow
    {
        public string? Level { get; set; }

        public string? LabelZh { get; set; }

        public string? LabelEn { get; set; }

        public string? CommonLevel { get; set; }

        internal bool IsBlank => string.IsNullOrWhiteSpace(Level) && string.IsNullOrWhiteSpace(LabelZh) && string.IsNullOrWhiteSpace(LabelEn);
    }

    /// <summary>A blank local scale to start from.</summary>
    public static InstrumentDraft NewLocal() => new InstrumentDraft
    {
        IsLocalPolicy = true,
        ScoringKind = "count",
        ProfessionalJudgementAllowed = true,
    }.WithBlankRows(5, 3, 0);

    /// <summary>The editor pre-filled with an existing version, to revise it.</summary>
    public static InstrumentDraft From(InstrumentDefinition d) => new InstrumentDraft
    {
        Id = d.Id,
        NameZh = d.Name.ZhCn,
        NameEn = d.Name.En,
        Source = d.Source,
        IsLocalPolicy = d.IsLocalPolicy,
        LocalPolicyNote = d.LocalPolicyNote,
        ScoringKind = StableName.Of(d.Scoring.Kind),
        MaxUnknownItems = Text(d.Scoring.MaxUnknownItems),
        Items = [.. d.Items.Select(i => new ItemRow { Key = i.Key, TextZh = i.Text.ZhCn, TextEn = i.Text.En, Weight = ScoreFormat.Format(i.Weight), ForcesLevel = i.ForcesLevel })],
        Bands = [.. d.Bands.Select(b => new BandRow
        {
            Level = b.Level, Min = ScoreFormat.Format(b.Min), Max = b.Max is { } max ? ScoreFormat.Format(max) : null,
            LabelZh = b.Label.ZhCn, LabelEn = b.Label.En, CommonLevel = d.CommonLevelMap.TryGetValue(b.Level, out var c) ? c.ToId() : null,
        })],
        JudgementLevels = [.. d.JudgementLevels.Select(j => new LevelRow
        {
            Level = j.Level, LabelZh = j.Label.ZhCn, LabelEn = j.Label.En, CommonLevel = d.CommonLevelMap.TryGetValue(j.Level, out var c) ? c.ToId() : null,
        })],
        VisibleHighRiskMinScore = d.Criteria.VisibleHighRiskMinScore is { } v ? ScoreFormat.Format(v) : null,
        EscalationIncidents = Text(d.Criteria.PotentialEscalation?.Incidents),
        EscalationMonths = Text(d.Criteria.PotentialEscalation?.Months),
        RepeatWithinMonths = Text(d.Criteria.RepeatWithinMonths),
        ProfessionalJudgementAllowed = d.Criteria.ProfessionalJudgementAllowed,
    }.WithBlankRows(2, 1, d.JudgementLevels.Count > 0 ? 1 : 0);

    public InstrumentDraft WithBlankRows(int items, int bands, int judgementLevels)
    {
        Items.AddRange(Enumerable.Range(0, items).Select(_ => new ItemRow { Weight = "1" }));
        Bands.AddRange(Enumerable.Range(0, bands).Select(_ => new BandRow()));
        JudgementLevels.AddRange(Enumerable.Range(0, judgementLevels).Select(_ => new LevelRow()));
        return this;
    }

    /// <summary>
    /// Builds the definition to publish (its version is assigned by the server); null when a number
    /// cannot be read, with the errors added. An item without a key gets <c>item_N</c>.
    /// </summary>
    public InstrumentDefinition? ToDefinition(FieldErrors errors)
    {
        var items = Items.Where(i => !i.IsBlank).ToList();
        var bands = Bands.Where(b => !b.IsBlank).ToList();
        var levels = JudgementLevels.Where(j => !j.IsBlank).ToList();
        var map = new Dictionary<string, CommonRiskLevel>(StringComparer.Ordinal);
        var definition = new InstrumentDefinition
        {
            Id = Id?.Trim() ?? string.Empty,
            Version = 1,
            Name = new LocalizedText(Trim(NameZh), Trim(NameEn)),
            Source = Trim(Source),
            IsLocalPolicy = IsLocalPolicy,
            LocalPolicyNote = string.IsNullOrWhiteSpace(LocalPolicyNote) ? null : LocalPolicyNote.Trim(),
            Scoring = new ScoringRule
            {
                Kind = StableName.TryParse<ScoringKind>(ScoringKind, out var kind) ? kind : Domain.Instruments.ScoringKind.Count,
                MaxUnknownItems = Integer(errors, "scoring.maxUnknownItems", MaxUnknownItems),
            },
            Items = [.. items.Select((row, i) => new InstrumentItem
            {
                Number = i + 1,
                Key = string.IsNullOrWhiteSpace(row.Key) ? $"item_{i + 1}" : row.Key.Trim(),
                Text = new LocalizedText(Trim(row.TextZh), Trim(row.TextEn)),
                Weight = Number(errors, $"items[{i}].weight", row.Weight) ?? 1m,
                ForcesLevel = string.IsNullOrWhiteSpace(row.ForcesLevel) ? null : row.ForcesLevel.Trim(),
            })],
            Bands = [.. bands.Select((row, i) => new RiskBand
            {
                Level = Level(row.Level, row.CommonLevel, map),
                Min = RequiredNumber(errors, $"bands[{i}].min", row.Min),
                Max = Number(errors, $"bands[{i}].max", row.Max),
                Label = new LocalizedText(Trim(row.LabelZh), Trim(row.LabelEn)),
            })],
            JudgementLevels = [.. levels.Select(row => new JudgementLevel
            {
                Level = Level(row.Level, row.CommonLevel, map),
                Label = new LocalizedText(Trim(row.LabelZh), Trim(row.LabelEn)),
            })],
            Criteria = new ReferralCriteriaSettings
            {
                VisibleHighRiskMinScore = Number(errors, "criteria.visibleHighRiskMinScore", VisibleHighRiskMinScore),
                PotentialEscalation = Escalation(errors),
                RepeatWithinMonths = Integer(errors, "criteria.repeatWithinMonths", RepeatWithinMonths),
                ProfessionalJudgementAllowed = ProfessionalJudgementAllowed,
            },
            CommonLevelMap = map,
        };
        return errors.Any ? null : definition;
    }

    private EscalationRule? Escalation(FieldErrors errors)
    {
        var incidents = Integer(errors, "criteria.potentialEscalation.incidents", EscalationIncidents);
        var months = Integer(errors, "criteria.potentialEscalation.months", EscalationMonths);
        if (incidents is null && months is null)
        {
            return null;
        }

        if (incidents is null || months is null)
        {
            errors.Add(incidents is null ? "criteria.potentialEscalation.incidents" : "criteria.potentialEscalation.months", "required");
            return null;
        }

        return new EscalationRule(incidents.Value, months.Value);
    }

    /// <summary>Records the row's common level in the map (a missing one is left for the domain validator to name).</summary>
    private static string Level(string? level, string? common, Dictionary<string, CommonRiskLevel> map)
    {
        var id = Trim(level);
        if (StableName.TryParse<CommonRiskLevel>(common, out var parsed) && id.Length > 0)
        {
            map[id] = parsed;
        }

        return id;
    }

    private static decimal RequiredNumber(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "required");
        }

        return Number(errors, field, text) ?? 0m;
    }

    private static decimal? Number(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, "instrument.number");
        return null;
    }

    private static int? Integer(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, "instrument.integer");
        return null;
    }

    private static string Trim(string? text) => text?.Trim() ?? string.Empty;

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
