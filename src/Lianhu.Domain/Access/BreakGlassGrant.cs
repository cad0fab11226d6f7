using Lianhu.Domain.Common;

namespace Lianhu.Domain.Access;

/// <summary>
/// Emergency access to a case outside the user's scope ("break-glass"): a typed reason, a time
/// limit, recorded in the audit trail and shown to the lead agency and its supervising centre.
/// </summary>
public sealed class BreakGlassGrant
{
    public const int MinimumReasonLength = 10;

    private BreakGlassGrant()
    {
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public bool IsActive(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>
    /// A reason a reviewer can judge: at least <see cref="MinimumReasonLength"/> letters or digits
    /// (punctuation and spaces do not count), at least five different ones, and no single one making up
    /// half of them — "..........", "aaaaaaaaaa" or "测试测试测试测试测试" are filler, not a reason.
    /// </summary>
    public static bool IsMeaningfulReason(string? reason)
    {
        var letters = (reason ?? string.Empty).Where(char.IsLetterOrDigit).ToList();
        if (letters.Count < MinimumReasonLength)
        {
            return false;
        }

        var counts = letters.GroupBy(c => c).Select(g => g.Count()).ToList();
        return counts.Count >= 5 && counts.Max() * 2 <= letters.Count;
    }

    public static BreakGlassGrant Open(Guid id, Guid caseId, Guid userId, Guid agencyId, string reason, DateTimeOffset now, TimeSpan duration)
    {
        var text = reason?.Trim() ?? string.Empty;
        if (!IsMeaningfulReason(text))
        {
            throw new DomainRuleViolationException("break-glass.reason", "Emergency access needs a real reason: at least 10 letters or digits, not filler.");
        }

        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(24))
        {
            throw new DomainRuleViolationException("break-glass.duration", "Emergency access lasts between a minute and 24 hours.");
        }

        return new BreakGlassGrant { Id = id, CaseId = caseId, UserId = userId, AgencyId = agencyId, Reason = text, GrantedAt = now, ExpiresAt = now + duration };
    }

    /// <summary>Ends the access early (the user is done, or a supervisor revokes it).</summary>
    public void End(DateTimeOffset now)
    {
        if (!IsActive(now))
        {
            throw new DomainRuleViolationException("break-glass.not-active", "This emergency access has already ended.");
        }

        ExpiresAt = now;
    }
}
