using System.Text.RegularExpressions;

namespace Lianhu.Domain.Instruments;

/// <summary>Shapes of identifiers in definition files. Ids end up in URLs, CLI arguments and
/// stored assessments, so they are restricted to lower-case ASCII.</summary>
internal static partial class DefinitionIds
{
    public static bool IsKebabCase(string? value) => value is not null && KebabCase().IsMatch(value);

    public static bool IsSnakeCase(string? value) => value is not null && SnakeCase().IsMatch(value);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
