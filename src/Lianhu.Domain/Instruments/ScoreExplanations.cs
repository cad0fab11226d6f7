using Lianhu.Domain.Common;
using static Lianhu.Domain.Instruments.ScoreFormat;

namespace Lianhu.Domain.Instruments;

/// <summary>
/// Human-readable reasons for a result, one line per step, so a practitioner (or a reviewer of an
/// old case) can check the arithmetic. Level ids appear in English lines, labels in Chinese lines.
/// The judgement reason is deliberately not echoed: it may hold personal details.
/// </summary>
internal static class ScoreExplanations
{
    public static IReadOnlyList<LocalizedText> For(ScoringTrace trace, string? level, IReadOnlyList<string> criteria)
    {
        var d = trace.Definition;
        var lines = new List<LocalizedText> { ScoreLine(trace) };
        if (trace.Tally.Unknown > 0)
            lines.Add(UnknownLine(d, trace.Tally.Unknown));
        lines.AddRange(trace.Tally.YesItems.Where(i => i.ForcesLevel is not null).Select(i => RedFlagLine(d, i)));
        if (d.Criteria.VisibleHighRiskMinScore is { } min)
            lines.Add(VisibleHighRiskLine(trace.Tally.Score, min, trace.VisibleHighRisk));
        if (trace.Judgement is { } judgement)
            lines.Add(JudgementLine(d, trace.ComputedLevel, judgement));
        if (trace.Escalation is { } escalation)
            lines.Add(EscalationLine(escalation));
        if (trace.Repeat is { } repeat)
            lines.Add(RepeatLine(repeat));
        lines.Add(LevelLine(d, level));
        lines.Add(ReferralLine(criteria));
        return lines;
    }

    private static LocalizedText ScoreLine(ScoringTrace t)
    {
        var (d, tally, band) = (t.Definition, t.Tally, t.Band);
        var n = d.Items.Count;
        var counted = d.Scoring.Kind == ScoringKind.Count
            ? new LocalizedText($"{n} 项中 {tally.Yes} 项为“是”", $"{tally.Yes} yes of {n}")
            : new LocalizedText(
                $"得分 {Format(tally.Score)}（{n} 项中 {tally.Yes} 项为“是”的权重之和）",
                $"score {Format(tally.Score)} (weights of {tally.Yes} yes of {n})");
        if (band is null)
        {
            return new LocalizedText(
                $"{counted.ZhCn}，得分 {Format(tally.Score)}；未配置分档，分数不产生等级",
                $"{counted.En} → score {Format(tally.Score)}; no bands configured, so the score gives no level");
        }

        return new LocalizedText(
            $"{counted.ZhCn} ≥ {Format(band.Min)} → {band.Label.ZhCn}（{band.Level}，档位 {band.RangeText()}）",
            $"{counted.En} ≥ {Format(band.Min)} → {band.Level} (band {band.RangeText()})");
    }

    private static LocalizedText UnknownLine(InstrumentDefinition d, int unknown)
    {
        if (d.Scoring.MaxUnknownItems is not { } max)
            return new LocalizedText($"{unknown} 项“不清楚”，计 0 分", $"{Plural(unknown, "unknown answer adds", "unknown answers add")} 0");
        return new LocalizedText(
            $"{unknown} 项“不清楚”，计 0 分（不按比例折算；最多允许 {max} 项；结果已标注）",
            $"{Plural(unknown, "unknown answer adds", "unknown answers add")} 0 (not prorated; at most {max} allowed; result flagged)");
    }

    private static LocalizedText RedFlagLine(InstrumentDefinition d, InstrumentItem item) => new(
        $"第 {item.Number} 项“{item.Text.ZhCn}”为“是” → 至少为{d.LabelOf(item.ForcesLevel!).ZhCn}（红旗项）",
        $"item {item.Number} {item.Key} = yes → at least {item.ForcesLevel} (red flag)");

    private static LocalizedText VisibleHighRiskLine(decimal score, decimal min, bool fired) => fired
        ? new LocalizedText($"得分 {Format(score)} ≥ {Format(min)} → 可见高风险（visible_high_risk）", $"score {Format(score)} ≥ {Format(min)} → visible_high_risk")
        : new LocalizedText($"得分 {Format(score)} < {Format(min)} → 未达可见高风险", $"score {Format(score)} < {Format(min)} → no visible_high_risk");

    private static LocalizedText JudgementLine(InstrumentDefinition d, string? computed, JudgementOutcome j)
    {
        var label = d.LabelOf(j.Level).ZhCn;
        var fromZh = computed is null ? "无等级" : d.LabelOf(computed).ZhCn;
        var fromEn = computed ?? "unbanded";
        var top = d.TopLevel()!;
        return (j.Raised, j.Fires) switch
        {
            (true, true) => new LocalizedText(
                $"专业判断为{label}，等级由{fromZh}提升至{label} → 专业判断（professional_judgement）",
                $"professional judgement {j.Level} raises {fromEn} → {j.Level} → professional_judgement"),
            (true, false) => new LocalizedText(
                $"专业判断为{label}，等级由{fromZh}提升至{label}；仅“{d.LabelOf(top).ZhCn}”构成转介条件",
                $"professional judgement {j.Level} raises {fromEn} → {j.Level}; only {top} is a referral criterion"),
            (false, true) => new LocalizedText(
                $"专业判断为{label}，与计算等级一致 → 专业判断（professional_judgement）",
                $"professional judgement {j.Level} confirms {fromEn} → professional_judgement"),
            _ => new LocalizedText(
                $"专业判断为{label}，不高于计算等级{fromZh}：等级不变（专业判断只升不降）",
                $"professional judgement {j.Level} is not above {fromEn}: level unchanged (judgement never lowers)"),
        };
    }

    private static LocalizedText EscalationLine(EscalationCheck e)
    {
        var (n, m) = (e.Rule.Incidents, e.Rule.Months);
        var settingZh = e.IsOverride ? $"本市设置：{m} 个月内 {n} 次" : $"{m} 个月内 {n} 次";
        var settingEn = e.IsOverride ? $"city setting: {n} in {m} months" : $"{n} in {m} months";
        return e.Fired
            ? new LocalizedText(
                $"{e.Window} 期间 {e.Count} 次事件 ≥ {n}（{settingZh}）→ 潜在升级（potential_escalation）",
                $"{Plural(e.Count, "incident", "incidents")} in {e.Window} ≥ {n} ({settingEn}) → potential_escalation")
            : new LocalizedText(
                $"{e.Window} 期间 {e.Count} 次事件 < {n}（{settingZh}）→ 未达潜在升级",
                $"{Plural(e.Count, "incident", "incidents")} in {e.Window} < {n} ({settingEn}) → no potential_escalation");
    }

    private static LocalizedText RepeatLine(RepeatCheck r)
    {
        if (r.LastReferral is null)
            return new LocalizedText("此前无转介 → 不属重复", "no previous referral → no repeat");
        if (r.Incident is not { } incident || r.Window is not { } window)
            return new LocalizedText("未提供本次事件日期 → 未评估重复", "no current incident date → repeat not assessed");
        var date = incident.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return r.Fired
            ? new LocalizedText(
                $"本次事件 {date} 在上次转介后 {r.Months} 个月内 {window} → 重复（repeat）",
                $"incident {date} in {window}, within {r.Months} months after the last referral → repeat")
            : new LocalizedText(
                $"本次事件 {date} 不在上次转介后 {r.Months} 个月内 {window} → 不属重复",
                $"incident {date} not in {window} ({r.Months} months after the last referral) → no repeat");
    }

    private static LocalizedText LevelLine(InstrumentDefinition d, string? level)
    {
        if (level is null)
            return new LocalizedText("无等级 → 无通用等级", "no level (unbanded) → no common level");
        var common = d.CommonLevelMap[level];
        return new LocalizedText(
            $"等级{d.LabelOf(level).ZhCn} → 通用等级{CommonZh(common)}",
            $"level {level} → common level {common.ToId()}");
    }

    private static LocalizedText ReferralLine(IReadOnlyList<string> criteria) => criteria.Count > 0
        ? new LocalizedText($"转介：是（{string.Join("、", criteria)}）", $"referral: yes ({string.Join(", ", criteria)})")
        : new LocalizedText("转介：否（未满足任何转介条件）", "referral: no (no criterion met)");

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static string CommonZh(CommonRiskLevel level) => level switch
    {
        CommonRiskLevel.High => "高",
        CommonRiskLevel.Medium => "中",
        _ => "低",
    };
}
