using Lianhu.Domain.People;

namespace Lianhu.Domain.Legal;

/// <summary>Civil capacity for conduct (民事行为能力), Civil Code Arts 17–22.</summary>
public enum CivilCapacity
{
    /// <summary>无民事行为能力: under 8 (Art 20), or unable to recognise one's conduct at all (Art 21).</summary>
    None,

    /// <summary>限制民事行为能力: 8 to 17 (Art 19), or unable to fully recognise one's conduct (Art 22).</summary>
    Limited,

    /// <summary>完全民事行为能力: 18 and over, or 16–17 living mainly on their own labour (Art 18).</summary>
    Full,
}

/// <summary>How the capacity recorded was arrived at.</summary>
public enum CapacityBasis
{
    /// <summary>Decided by the age on the birth date (Civil Code Arts 18(1), 19, 20).</summary>
    Age,

    /// <summary>16 or 17 and living mainly on their own labour (Civil Code Art 18(2)).</summary>
    OwnLabour,

    /// <summary>As declared (a court's declaration, Civil Code Art 24, or the guardian's statement).</summary>
    AsDeclared,

    /// <summary>As the reporter observes it: the person cannot, or cannot fully, recognise their conduct (Civil Code Arts 21, 22).</summary>
    AsObserved,
}

/// <summary>A capacity and the article it rests on, in words shown to users.</summary>
public sealed record CapacityFinding(CivilCapacity Capacity, CapacityBasis Basis, string Article);

/// <summary>
/// Derives a person's civil capacity from the birth date where that decides it, and checks a stated
/// capacity against it (Civil Code Arts 17–22). Age in full years by <see cref="LegalAge"/>:
/// under 8 — none (Art 20); 8–17 — limited (Art 19), 16–17 living mainly on their own labour —
/// full (Art 18(2)); a minor of 8 or more who cannot recognise their conduct — none (Art 21(2));
/// an adult — full (Art 18(1)) unless, as declared or as the reporter observes, they cannot
/// (none, Art 21(1)) or cannot fully (limited, Art 22) recognise their conduct. Without a birth
/// date only a stated capacity with its basis can be recorded.
/// </summary>
public static class CivilCapacityRule
{
    public const int NoCapacityBelow = 8;
    public const int OwnLabourFrom = 16;

    public const string Art18Adult = "《中华人民共和国民法典》第十八条第一款";
    public const string Art18OwnLabour = "《中华人民共和国民法典》第十八条第二款";
    public const string Art19 = "《中华人民共和国民法典》第十九条";
    public const string Art20 = "《中华人民共和国民法典》第二十条";
    public const string Art21 = "《中华人民共和国民法典》第二十一条";
    public const string Art22 = "《中华人民共和国民法典》第二十二条";

    /// <summary>
    /// The capacity on <paramref name="on"/>, or null when nothing decides it (no birth date, nothing stated).
    /// Problems name the field: <c>victimCapacity</c>, <c>capacityBasis</c>, <c>livesOnOwnLabour</c>.
    /// </summary>
    public static CapacityFinding? Assess(DateOnly? born, DateOnly on, CivilCapacity? stated, CapacityBasis? basis, bool livesOnOwnLabour, List<LegalProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (basis is CapacityBasis.Age or CapacityBasis.OwnLabour)
        {
            // Age and own labour are derived here, never stated.
            problems.Add(new("capacityBasis", "capacity.basis-stated"));
            return null;
        }

        if (stated is not null && stated != CivilCapacity.Full && basis is null)
        {
            problems.Add(new("capacityBasis", "capacity.basis-required"));
            return null;
        }

        if (born is not { } birth)
        {
            if (livesOnOwnLabour)
            {
                problems.Add(new("livesOnOwnLabour", "capacity.own-labour-age"));
                return null;
            }

            return stated switch
            {
                null => null,
                CivilCapacity.None => new(CivilCapacity.None, basis!.Value, Art21),
                CivilCapacity.Limited => new(CivilCapacity.Limited, basis!.Value, Art22),
                _ => new(CivilCapacity.Full, basis ?? CapacityBasis.AsObserved, Art18Adult),
            };
        }

        var age = LegalAge.FullYears(birth, on);
        if (livesOnOwnLabour && age is < OwnLabourFrom or >= LegalAge.Majority)
        {
            problems.Add(new("livesOnOwnLabour", "capacity.own-labour-age"));
            return null;
        }

        if (age < NoCapacityBelow)
        {
            if (stated is not null and not CivilCapacity.None)
            {
                problems.Add(new("victimCapacity", "capacity.contradicts-age"));
                return null;
            }

            return new(CivilCapacity.None, CapacityBasis.Age, Art20);
        }

        if (age < LegalAge.Majority)
        {
            return stated switch
            {
                CivilCapacity.None => new(CivilCapacity.None, basis!.Value, Art21),
                CivilCapacity.Full when !livesOnOwnLabour => Contradiction(problems),
                _ when livesOnOwnLabour => new(CivilCapacity.Full, CapacityBasis.OwnLabour, Art18OwnLabour),
                _ => new(CivilCapacity.Limited, CapacityBasis.Age, Art19),
            };
        }

        return stated switch
        {
            CivilCapacity.None => new(CivilCapacity.None, basis!.Value, Art21),
            CivilCapacity.Limited => new(CivilCapacity.Limited, basis!.Value, Art22),
            _ => new(CivilCapacity.Full, CapacityBasis.Age, Art18Adult),
        };
    }

    private static CapacityFinding? Contradiction(List<LegalProblem> problems)
    {
        problems.Add(new("victimCapacity", "capacity.contradicts-age"));
        return null;
    }
}
