using System.Text.Json;
using System.Text.Json.Serialization;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Access;

/// <summary>
/// The permission table as data: role × relation to the case × section → none / read / write.
/// A user with several roles gets the most generous of their rows. Anything not listed is none.
/// Loaded from <c>config/policies/section-permissions.json</c>.
/// </summary>
public sealed class SectionPolicy
{
    private readonly Dictionary<(Role, CaseRelation, CaseSection), SectionAccess> table;

    private SectionPolicy(int version, string source, Dictionary<(Role, CaseRelation, CaseSection), SectionAccess> table)
    {
        Version = version;
        Source = source;
        this.table = table;
    }

    public int Version { get; }

    public string Source { get; }

    public SectionAccess For(Role role, CaseRelation relation, CaseSection section) =>
        table.GetValueOrDefault((role, relation, section), SectionAccess.None);

    public SectionAccess For(IEnumerable<Role> roles, CaseRelation relation, CaseSection section) =>
        roles.Select(r => For(r, relation, section)).DefaultIfEmpty(SectionAccess.None).Max();

    /// <summary>Every section the roles may at least read in this relation.</summary>
    public IReadOnlyDictionary<CaseSection, SectionAccess> Grants(IEnumerable<Role> roles, CaseRelation relation)
    {
        var list = roles.ToList();
        return Enum.GetValues<CaseSection>()
            .Select(s => (Section: s, Access: For(list, relation, s)))
            .Where(x => x.Access > SectionAccess.None)
            .ToDictionary(x => x.Section, x => x.Access);
    }

    public static SectionPolicy Parse(string json, string source)
    {
        var file = JsonSerializer.Deserialize<PolicyFile>(json, Options) ?? throw new FormatException($"{source}: empty permission table.");
        var table = new Dictionary<(Role, CaseRelation, CaseSection), SectionAccess>();
        for (var i = 0; i < file.Rules.Count; i++)
        {
            var rule = file.Rules[i];
            var at = $"{source}: rules[{i}]";
            var role = Parse<Role>(rule.Role, $"{at}.role");
            var relation = Parse<CaseRelation>(rule.Relation, $"{at}.relation");
            foreach (var (sectionName, accessName) in rule.Sections)
            {
                var section = Parse<CaseSection>(sectionName, $"{at}.sections.{sectionName}");
                var access = Parse<SectionAccess>(accessName, $"{at}.sections.{sectionName}");
                if (!table.TryAdd((role, relation, section), access))
                {
                    throw new FormatException($"{at}: {rule.Role} × {rule.Relation} × {sectionName} is defined twice.");
                }
            }
        }

        return new SectionPolicy(file.Version, source, table);
    }

    public static SectionPolicy Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>All cells, for the admin view and the authorization matrix test.</summary>
    public IEnumerable<(Role Role, CaseRelation Relation, CaseSection Section, SectionAccess Access)> Cells =>
        from role in Enum.GetValues<Role>()
        from relation in Enum.GetValues<CaseRelation>()
        from section in Enum.GetValues<CaseSection>()
        select (role, relation, section, For(role, relation, section));

    private static T Parse<T>(string? name, string at)
        where T : struct, Enum =>
        StableName.TryParse<T>(name, out var value) ? value : throw new FormatException($"{at}: '{name}' is not one of {string.Join(", ", StableName.All<T>())}.");

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private sealed record PolicyFile(int Version, string? Note, IReadOnlyList<PolicyRule> Rules);

    private sealed record PolicyRule(string Role, string Relation, IReadOnlyDictionary<string, string> Sections);
}
