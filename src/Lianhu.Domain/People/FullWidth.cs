namespace Lianhu.Domain.People;

/// <summary>
/// Chinese input methods often produce full-width forms (１３８, Ｘ, （, －, ideographic
/// space); identity values typed that way are still the same value.
/// </summary>
internal static class FullWidth
{
    private const char FirstFullWidth = '\uFF01';
    private const char LastFullWidth = '\uFF5E';
    private const char IdeographicSpace = '\u3000';

    public static char ToHalfWidth(char c) => c switch
    {
        >= FirstFullWidth and <= LastFullWidth => (char)(c - 0xFEE0),
        IdeographicSpace => ' ',
        _ => c,
    };
}
