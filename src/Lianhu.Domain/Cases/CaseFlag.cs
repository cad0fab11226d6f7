using Lianhu.Domain.Common;

namespace Lianhu.Domain.Cases;

/// <summary>
/// A warning attached to a case that every member unit reading it should see, e.g.
/// <c>repeat-warning</c>: the abuser has had a police warning letter before in the same household.
/// Raised by the record that caused it (<see cref="SourceType"/>/<see cref="SourceId"/>).
/// </summary>
public sealed class CaseFlag
{
    public const string RepeatWarning = "repeat-warning";
    public const int CodeMaxLength = 40;

    private CaseFlag()
    {
        Code = string.Empty;
        SourceType = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string Code { get; private set; }

    public string SourceType { get; private set; }

    public Guid SourceId { get; private set; }

    /// <summary>A count that qualifies the flag (for <c>repeat-warning</c>: letters before this one).</summary>
    public int Count { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public static CaseFlag Raise(Guid id, Guid caseId, string code, string sourceType, Guid sourceId, int count, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > CodeMaxLength)
        {
            throw new DomainRuleViolationException("case.flag-code", "A flag needs a code.");
        }

        return new CaseFlag { Id = id, CaseId = caseId, Code = code, SourceType = sourceType, SourceId = sourceId, Count = count, RaisedAt = at.ToUniversalTime() };
    }

    /// <summary>The same condition arose again (e.g. a third letter): the count and the latest source replace the old ones.</summary>
    public void Renew(string sourceType, Guid sourceId, int count, DateTimeOffset at)
    {
        SourceType = sourceType;
        SourceId = sourceId;
        Count = count;
        RaisedAt = at.ToUniversalTime();
    }
}
