using Lianhu.Domain.Common;

namespace Lianhu.Domain.Legal;

public enum FollowUpStatus
{
    Open,
    Done,
}

/// <summary>
/// Work an agency owes on a legal measure, e.g. the court and the police after a reported breach
/// of a protection order (ADVL Art 34). A row, not yet a task: the linkage feature turns open rows
/// into tasks (<see cref="AssigneeAgencyId"/>, <see cref="Kind"/>, <see cref="SubjectType"/>/<see cref="SubjectId"/>, the guarding clock).
/// </summary>
public sealed class LegalFollowUp
{
    public const int TextMaxLength = 2000;

    private LegalFollowUp()
    {
        Kind = string.Empty;
        SubjectType = string.Empty;
        Details = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>A stable kebab-case name: <c>po-violation-court</c>, <c>po-violation-police</c>.</summary>
    public string Kind { get; private set; }

    /// <summary>What the work is about (<c>protection-order</c>, …), as for clocks.</summary>
    public string SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid AssigneeAgencyId { get; private set; }

    /// <summary>What was reported; stored encrypted.</summary>
    public string Details { get; private set; }

    /// <summary>The clock that guards the work, if any.</summary>
    public Guid? ClockId { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid? ClosedByUserId { get; private set; }

    /// <summary>What was done; stored encrypted.</summary>
    public string? Outcome { get; private set; }

    public int Version { get; private set; }

    public static LegalFollowUp Open(
        Guid id, Guid caseId, string kind, string subjectType, Guid subjectId, Guid assignee, string details, Guid? clockId, Guid by, DateTimeOffset at) =>
        new()
        {
            Id = id,
            CaseId = caseId,
            Kind = kind,
            SubjectType = subjectType,
            SubjectId = subjectId,
            AssigneeAgencyId = assignee,
            Details = Text(details, "followup.details"),
            ClockId = clockId,
            Status = FollowUpStatus.Open,
            CreatedAt = at.ToUniversalTime(),
            CreatedByUserId = by,
            Version = 1,
        };

    public void Close(Guid by, string outcome, DateTimeOffset at)
    {
        if (Status != FollowUpStatus.Open)
        {
            throw new DomainRuleViolationException("followup.already-done", "The follow-up is already done.");
        }

        Outcome = Text(outcome, "followup.outcome");
        Status = FollowUpStatus.Done;
        ClosedAt = at.ToUniversalTime();
        ClosedByUserId = by;
        Version++;
    }

    private static string Text(string? value, string code)
    {
        var text = value?.Trim() ?? string.Empty;
        return text.Length is 0 or > TextMaxLength
            ? throw new DomainRuleViolationException(code, $"Give 1–{TextMaxLength} characters.")
            : text;
    }
}
