using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Assessments;

/// <summary>
/// One risk assessment of a case with one instrument version. It is recorded once and never
/// changed: the result is always what <see cref="InstrumentScorer"/> computes from the stored
/// answers and the stored (instrument, version), so a reviewer can reproduce it years later even
/// after the city has published new versions. Later assessments, not edits, show the trend.
/// </summary>
public sealed class Assessment
{
    public const int JudgementReasonMaxLength = 2000;

    private Assessment()
    {
        InstrumentId = string.Empty;
        ResultJson = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string InstrumentId { get; private set; }

    /// <summary>The version scored with; kept after new versions are published.</summary>
    public int InstrumentVersion { get; private set; }

    public int[] YesItems { get; private set; } = [];

    public int[] UnknownItems { get; private set; } = [];

    /// <summary>The practitioner's judgement level, if any (it may raise, never lower, the level).</summary>
    public string? Judgement { get; private set; }

    /// <summary>Why the practitioner judged so. Case content: never logged nor echoed into explanations.</summary>
    public string? JudgementReason { get; private set; }

    public DateOnly[] IncidentDates { get; private set; } = [];

    public DateOnly? LastReferralDate { get; private set; }

    public DateOnly? CurrentIncidentDate { get; private set; }

    /// <summary>The assessment date (Beijing calendar day) the date windows are counted to.</summary>
    public DateOnly AssessmentDate { get; private set; }

    public decimal Score { get; private set; }

    public string? ComputedLevel { get; private set; }

    /// <summary>The computed level raised by professional judgement; null when unbanded and not judged.</summary>
    public string? FinalLevel { get; private set; }

    public CommonRiskLevel? CommonLevel { get; private set; }

    /// <summary>Who should lead the case at this level (risk-handling policy); consumed by routing.</summary>
    public HandlingTier? HandlingTier { get; private set; }

    public bool Referral { get; private set; }

    public string[] Criteria { get; private set; } = [];

    public int UnknownCount { get; private set; }

    /// <summary>The scorer's output exactly as <see cref="ScoreResultJson"/> wrote it, explanations included.</summary>
    public string ResultJson { get; private set; }

    /// <summary>Version of the risk-handling policy that gave the tier and the due date.</summary>
    public int PolicyVersion { get; private set; }

    /// <summary>When the next assessment is due; null when the result has no common level.</summary>
    public DateOnly? ReassessmentDue { get; private set; }

    public Guid AssessorUserId { get; private set; }

    public Guid AssessorAgencyId { get; private set; }

    public DateTimeOffset AssessedAt { get; private set; }

    /// <summary>
    /// Scores <paramref name="input"/> with <paramref name="definition"/> and records the result on
    /// the case. Throws <see cref="DomainRuleViolationException"/> when the case is closed and
    /// <see cref="AssessmentValidationException"/> when the input cannot be scored.
    /// </summary>
    public static Assessment Record(
        Guid id, Case @case, InstrumentDefinition definition, AssessmentInput input, RiskHandlingPolicy policy, Guid assessorUserId, Guid assessorAgencyId, DateTimeOffset at)
    {
        if (@case.Status == CaseStatus.Closed)
            throw new DomainRuleViolationException("assessment.case-closed", "A closed case takes no new assessments.");
        Validate(input, at);

        var result = InstrumentScorer.Score(definition, input);
        var rule = result.CommonLevel is { } common ? policy.RuleFor(common) : null;
        return new Assessment
        {
            Id = id,
            CaseId = @case.Id,
            InstrumentId = result.Instrument,
            InstrumentVersion = result.Version,
            YesItems = [.. input.Answers.Where(a => a.Value == Answer.Yes).Select(a => a.Key).Order()],
            UnknownItems = [.. input.Answers.Where(a => a.Value == Answer.Unknown).Select(a => a.Key).Order()],
            Judgement = input.Judgement?.Level,
            JudgementReason = input.Judgement?.Reason?.Trim(),
            IncidentDates = [.. input.IncidentDates.Order()],
            LastReferralDate = input.LastReferralDate,
            CurrentIncidentDate = input.CurrentIncidentDate,
            AssessmentDate = input.At,
            Score = ScoreFormat.Normalize(result.Score),
            ComputedLevel = result.ComputedLevel,
            FinalLevel = result.Level,
            CommonLevel = result.CommonLevel,
            HandlingTier = rule?.Tier,
            Referral = result.Referral,
            Criteria = [.. result.Criteria],
            UnknownCount = result.Unknown,
            ResultJson = ScoreResultJson.Serialize(result),
            PolicyVersion = policy.Version,
            ReassessmentDue = result.CommonLevel is { } level ? policy.NextReassessmentDue(level, input.At) : null,
            AssessorUserId = assessorUserId,
            AssessorAgencyId = assessorAgencyId,
            AssessedAt = at,
        };
    }

    private static void Validate(AssessmentInput input, DateTimeOffset now)
    {
        if (input.At > ShanghaiTime.DayOf(now))
            throw new AssessmentValidationException("at", "an assessment of a case cannot be dated in the future");
        if (input.EscalationOverride is not null)
            throw new AssessmentValidationException("escalationOverride", "a city's own escalation rule is published as a new instrument version, not given per assessment");
        if (input.Judgement?.Reason is { Length: > JudgementReasonMaxLength })
            throw new AssessmentValidationException("judgementReason", $"must be at most {JudgementReasonMaxLength} characters");
    }
}
