using System.Text.Json.Serialization;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Visits;

public enum VisitMethod
{
    Phone,
    Message,
    [JsonStringEnumMemberName("home-visit")]
    HomeVisit,
}

public enum VisitOutcome
{
    /// <summary>Reached; the person is safe.</summary>
    Safe,

    /// <summary>Reached; a new incident happened (triggers reassessment and counts toward escalation).</summary>
    NewIncident,

    /// <summary>Reached; the person's needs changed.</summary>
    NeedsChanged,

    /// <summary>Not reached.</summary>
    Unreachable,
}

/// <summary>One return visit: how, with what outcome, by whom; closes the planned visit it fulfils.</summary>
public sealed class Visit
{
    public const int NoteMaxLength = 2000;

    private Visit()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public VisitMethod Method { get; private set; }

    public VisitOutcome Outcome { get; private set; }

    public DateTimeOffset VisitedAt { get; private set; }

    public Guid ByUserId { get; private set; }

    public Guid ByAgencyId { get; private set; }

    /// <summary>What was said or seen (encrypted at rest).</summary>
    public string? Note { get; private set; }

    /// <summary>The planned-visit clock this visit fulfilled, if any.</summary>
    public Guid? PlannedClockId { get; private set; }

    /// <summary>The return-visit task this visit completed, if any.</summary>
    public Guid? TaskId { get; private set; }

    public static Visit Record(
        Guid id, Guid caseId, VisitMethod method, VisitOutcome outcome, DateTimeOffset visitedAt, Guid by, Guid agency, string? note, Guid? plannedClockId, DateTimeOffset now, Guid? taskId = null)
    {
        if (visitedAt > now.AddMinutes(5))
        {
            throw new DomainRuleViolationException("visit.in-future", "A visit cannot be recorded before it happens.");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > NoteMaxLength })
        {
            throw new DomainRuleViolationException("visit.note", "The note is too long.");
        }

        return new Visit { Id = id, CaseId = caseId, Method = method, Outcome = outcome, VisitedAt = visitedAt, ByUserId = by, ByAgencyId = agency, Note = text, PlannedClockId = plannedClockId, TaskId = taskId };
    }
}
