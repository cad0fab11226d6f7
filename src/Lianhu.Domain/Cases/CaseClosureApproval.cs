namespace Lianhu.Domain.Cases;

/// <summary>One supervisor's approval of a case's closure.</summary>
public sealed record CaseClosureApproval(Guid UserId, Guid AgencyId, DateTimeOffset At);
