namespace Lianhu.Web.Data;

/// <summary>
/// One version of a consultation-assistant answer edited in the platform (ADR 0036). Never updated:
/// an edit adds version n + 1 (the unique index makes two administrators saving version n at once a
/// conflict); the newest version replaces the bundled entry of the same id, or adds a new one.
/// </summary>
public sealed class ConsultationAnswerRecord
{
    public const int EntryIdLength = 60;

    private ConsultationAnswerRecord()
    {
        EntryId = string.Empty;
        ContentJson = string.Empty;
    }

    public Guid Id { get; private set; }

    public string EntryId { get; private set; }

    public int Version { get; private set; }

    /// <summary>The entry as JSON, in the bundled file's shape.</summary>
    public string ContentJson { get; private set; }

    /// <summary>Taken out of the assistant's answers (kept for the record).</summary>
    public bool Retired { get; private set; }

    public DateTimeOffset EditedAt { get; private set; }

    public Guid EditedBy { get; private set; }

    public static ConsultationAnswerRecord Create(Guid id, string entryId, int version, string contentJson, bool retired, DateTimeOffset at, Guid by) => new()
    {
        Id = id,
        EntryId = entryId,
        Version = version,
        ContentJson = contentJson,
        Retired = retired,
        EditedAt = at,
        EditedBy = by,
    };
}
