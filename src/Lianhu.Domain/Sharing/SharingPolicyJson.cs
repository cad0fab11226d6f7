using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Sharing;

/// <summary>Reads <c>config/policies/sharing.json</c> strictly: unknown fields and unknown agency types are refused, naming the field.</summary>
public static class SharingPolicyJson
{
    public static SharingPolicy Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static SharingPolicy Parse(string json, string source)
    {
        var file = PolicyJson.Read<PolicyFile>(json, source);
        if (file.Id != "sharing")
            throw new FormatException($"{source}: id: must be 'sharing'.");
        if (file.Version is not > 0)
            throw new FormatException($"{source}: version: must be a positive whole number.");
        if (file.MaxConsentDays is not (> 0 and <= 3660))
            throw new FormatException($"{source}: maxConsentDays: must lie between 1 and 3660.");
        var types = new HashSet<AgencyType>();
        for (var i = 0; i < (file.NonStatutory?.Count ?? 0); i++)
        {
            var name = file.NonStatutory![i];
            if (!StableName.TryParse<AgencyType>(name, out var type))
                throw new FormatException($"{source}: nonStatutory[{i}]: '{name}' is not one of {string.Join(", ", StableName.All<AgencyType>())}.");
            if (type == AgencyType.LinkageCentre)
                throw new FormatException($"{source}: nonStatutory[{i}]: the linkage centre routes every case and cannot need consent.");
            types.Add(type);
        }

        var bases = new List<LegalBasisInfo>();
        for (var i = 0; i < (file.LegalBases?.Count ?? 0); i++)
        {
            var b = file.LegalBases![i];
            if (b.Id is not { Length: > 0 and <= 60 } id || id.Any(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')) || bases.Any(x => x.Id == id))
                throw new FormatException($"{source}: legalBases[{i}].id: a distinct kebab-case id.");
            if (string.IsNullOrWhiteSpace(b.ZhCn) || string.IsNullOrWhiteSpace(b.En))
                throw new FormatException($"{source}: legalBases[{i}]: needs zh-CN and en.");
            bases.Add(new LegalBasisInfo(id, b.ZhCn.Trim(), b.En.Trim()));
        }

        if (bases.Count == 0)
            throw new FormatException($"{source}: legalBases: at least one.");
        return new SharingPolicy(file.Version.Value, types, bases, file.MaxConsentDays.Value);
    }

    private sealed class PolicyFile
    {
        public string? Id { get; set; }

        public int? Version { get; set; }

        public string? Note { get; set; }

        public string? Source { get; set; }

        public List<string>? NonStatutory { get; set; }

        public List<BasisDto>? LegalBases { get; set; }

        public int? MaxConsentDays { get; set; }
    }

    private sealed class BasisDto
    {
        public string? Id { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("zh-CN")]
        public string? ZhCn { get; set; }

        public string? En { get; set; }
    }
}
