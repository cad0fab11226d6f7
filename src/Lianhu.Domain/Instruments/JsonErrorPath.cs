using System.Text.Json;

namespace Lianhu.Domain.Instruments;

internal static class JsonErrorPath
{
    /// <summary>STJ reports "$.items[2].weight"; our validators name fields without the "$." root.</summary>
    public static string FieldOf(JsonException ex) =>
        ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)
            ? path[2..]
            : ex.Path ?? "$";
}
