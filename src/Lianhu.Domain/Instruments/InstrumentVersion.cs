namespace Lianhu.Domain.Instruments;

/// <summary>
/// One published version of an instrument as stored in the database. Immutable once written:
/// assessments point at (<see cref="InstrumentId"/>, <see cref="Version"/>) and must be re-readable
/// against exactly the definition they were scored with, so a change is always a new row
/// (ADR 0008). There is deliberately no method that changes a version.
/// </summary>
public sealed class InstrumentVersion
{
    private InstrumentVersion()
    {
        InstrumentId = string.Empty;
        DefinitionJson = string.Empty;
    }

    public string InstrumentId { get; private set; }

    public int Version { get; private set; }

    /// <summary>The validated definition in its canonical JSON form (<see cref="InstrumentDefinitionJson.Serialize"/>).</summary>
    public string DefinitionJson { get; private set; }

    public InstrumentSource Source { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The administrator who published it; null for bundled versions.</summary>
    public Guid? PublishedByUserId { get; private set; }

    public Guid? PublishedByAgencyId { get; private set; }

    /// <summary>A version shipped with the program, recorded on start.</summary>
    public static InstrumentVersion Bundled(InstrumentDefinition definition, DateTimeOffset at) =>
        Create(definition, InstrumentSource.Bundled, at, null, null);

    /// <summary>A version published by a city administrator. The definition must already carry its assigned version number.</summary>
    public static InstrumentVersion Local(InstrumentDefinition definition, DateTimeOffset at, Guid userId, Guid agencyId) =>
        Create(definition, InstrumentSource.Local, at, userId, agencyId);

    /// <summary>Parses (and re-validates) the stored definition.</summary>
    public InstrumentDefinition Definition() => InstrumentDefinitionJson.Parse(DefinitionJson);

    private static InstrumentVersion Create(InstrumentDefinition definition, InstrumentSource source, DateTimeOffset at, Guid? userId, Guid? agencyId)
    {
        InstrumentDefinitionValidator.Validate(definition);
        return new InstrumentVersion
        {
            InstrumentId = definition.Id,
            Version = definition.Version,
            DefinitionJson = InstrumentDefinitionJson.Serialize(definition),
            Source = source,
            PublishedAt = at,
            PublishedByUserId = userId,
            PublishedByAgencyId = agencyId,
        };
    }
}
