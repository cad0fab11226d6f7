namespace Lianhu.Domain.Instruments;

/// <summary>
/// All instrument definitions the platform knows, every version of each. Old versions stay
/// loadable because an assessment is always re-read against the version it was scored on.
/// </summary>
public sealed class InstrumentCatalogue
{
    private InstrumentCatalogue(IReadOnlyList<InstrumentDefinition> all) => All = all;

    /// <summary>Ordered by id, then version.</summary>
    public IReadOnlyList<InstrumentDefinition> All { get; }

    /// <summary>
    /// Loads every <c>*.json</c> directly in <paramref name="path"/>. Subfolders are NOT read, so
    /// <c>examples/</c> can hold illustrative files (such as placeholder Danger Assessment weights)
    /// that must never be scored with.
    /// </summary>
    public static InstrumentCatalogue LoadDirectory(string path)
    {
        var files = Directory.GetFiles(path, "*.json", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal);
        return From(files.Select(InstrumentDefinitionJson.LoadFile));
    }

    /// <summary>Builds a catalogue, refusing two definitions with the same id and version.</summary>
    public static InstrumentCatalogue From(IEnumerable<InstrumentDefinition> definitions)
    {
        var all = definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version).ToList();
        for (var i = 1; i < all.Count; i++)
        {
            if (all[i].Id == all[i - 1].Id && all[i].Version == all[i - 1].Version)
                throw new InstrumentDefinitionException("version", $"{all[i].Id} version {all[i].Version} is defined more than once; a change must be a new version");
        }

        return new InstrumentCatalogue(all);
    }

    public InstrumentDefinition? Find(string id, int version) =>
        All.FirstOrDefault(d => d.Id == id && d.Version == version);

    /// <summary>The highest version of <paramref name="id"/>: what a new assessment is scored with.</summary>
    public InstrumentDefinition? Latest(string id) =>
        All.Where(d => d.Id == id).MaxBy(d => d.Version);

    public IReadOnlyList<string> Ids() => All.Select(d => d.Id).Distinct().ToList();
}
