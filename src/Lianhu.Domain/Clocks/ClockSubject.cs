using System.Text.RegularExpressions;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// What a clock guards inside a case: the case itself, or one record of it such as a protection
/// order, a warning letter or a shelter stay. The type is an open kebab-case name so features
/// added later attach clocks without a schema change; the id is that record's id.
/// </summary>
public readonly partial record struct ClockSubject
{
    public const int TypeMaxLength = 40;

    public const string CaseType = "case";
    public const string ProtectionOrderType = "protection-order";
    public const string WarningLetterType = "warning-letter";
    public const string ShelterStayType = "shelter-stay";

    private ClockSubject(string type, Guid id)
    {
        Type = type;
        Id = id;
    }

    public string Type { get; }

    public Guid Id { get; }

    /// <summary>The case as a whole (return visit, green channel, reassessment).</summary>
    public static ClockSubject ForCase(Guid caseId) => new(CaseType, caseId);

    public static bool IsValidType(string? type) => type is { Length: > 0 and <= TypeMaxLength } && TypePattern().IsMatch(type);

    /// <exception cref="DomainRuleViolationException">The type is not a kebab-case name or the id is empty.</exception>
    public static ClockSubject Of(string type, Guid id)
    {
        if (!IsValidType(type))
        {
            throw new DomainRuleViolationException("clock.subject-type", "A clock subject type is a kebab-case name of at most 40 characters.");
        }

        return id == Guid.Empty
            ? throw new DomainRuleViolationException("clock.subject-id", "A clock subject needs an id.")
            : new ClockSubject(type, id);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TypePattern();
}
