namespace Lianhu.Domain.People;

/// <summary>How alike two person records are, and why.</summary>
/// <param name="Score">0 (nothing in common) to 1 (same name, same birth date).</param>
/// <param name="Reasons">Codes from <see cref="NameMatchReasons"/>, name first, in a stable order.</param>
/// <param name="IsSuggestion">
/// True when a worker should be shown the pair as a possible duplicate. A suggestion is never a
/// merge: a person decides.
/// </param>
public sealed record NameMatch(decimal Score, IReadOnlyList<string> Reasons, bool IsSuggestion);
