namespace Lianhu.Domain.Cases;

/// <summary>
/// One entry of a case's timeline ("leaving traces"): what happened, by which agency, when, in
/// which section. Append-only. <see cref="Note"/> is free text and stored encrypted;
/// <see cref="Detail"/> holds only non-personal data (field names, record ids).
/// </summary>
public sealed class CaseEvent
{
    public const int DetailMaxLength = 500;

    private CaseEvent()
    {
        Section = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public CaseEventKind Kind { get; private set; }

    /// <summary>The part of the case the event belongs to (intake, parties, …); views filter on it.</summary>
    public string Section { get; private set; }

    /// <summary>The acting agency (for a mandatory report: the receiving unit, never the reporter).</summary>
    public Guid AgencyId { get; private set; }

    public Guid? UserId { get; private set; }

    public string? Note { get; private set; }

    public string? Detail { get; private set; }

    public static CaseEvent Record(
        Guid id, Guid caseId, DateTimeOffset at, CaseEventKind kind, string section, Guid agencyId, Guid? userId, string? note = null, string? detail = null)
    {
        if (detail is { Length: > DetailMaxLength })
        {
            throw new ArgumentException("Event detail is limited to ids and field names.", nameof(detail));
        }

        return new CaseEvent
        {
            Id = id,
            CaseId = caseId,
            At = at,
            Kind = kind,
            Section = section,
            AgencyId = agencyId,
            UserId = userId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Detail = detail,
        };
    }

    /// <summary>Incidents are what "incidents in the last 12 months" counts.</summary>
    public bool IsIncident => Kind is CaseEventKind.Opened or CaseEventKind.AlarmAttached;
}
