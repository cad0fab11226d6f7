using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianhu.Domain.Common;

/// <summary>
/// The stable, kebab-case id of an enum member as it appears in the API, the database and config
/// files (e.g. <c>AgencyType.PoliceStation</c> → <c>police-station</c>). An explicit
/// <see cref="JsonStringEnumMemberNameAttribute"/> wins, so ids never change when a member is renamed.
/// </summary>
public static class StableName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Cache<TEnum>.ToName[value];

    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return name is not null && Cache<TEnum>.FromName.TryGetValue(name, out value);
    }

    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a known {typeof(TEnum).Name}.");

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Cache<TEnum>.Names;

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ToName = Build();
        public static readonly Dictionary<string, TEnum> FromName =
            ToName.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        public static readonly IReadOnlyList<string> Names = [.. ToName.Values];

        private static Dictionary<TEnum, string> Build()
        {
            var map = new Dictionary<TEnum, string>();
            foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var explicitName = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name;
                map[(TEnum)field.GetValue(null)!] = explicitName ?? JsonNamingPolicy.KebabCaseLower.ConvertName(field.Name);
            }

            return map;
        }
    }
}
