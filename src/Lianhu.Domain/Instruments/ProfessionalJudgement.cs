namespace Lianhu.Domain.Instruments;

/// <summary>
/// A practitioner's own view of the level. It may raise the computed level, never lower it, and
/// must carry a reason (the reason is kept with the assessment, not echoed into explanations).
/// </summary>
public sealed record ProfessionalJudgement(string Level, string? Reason);
