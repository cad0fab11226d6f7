namespace Lianhu.Domain.Organisation;

/// <summary>An agency placed in the division tree, as the nearest-agency rule sees it.</summary>
public interface IPlacedAgency
{
    Guid Id { get; }

    AgencyType Type { get; }

    DivisionCode Division { get; }
}

/// <summary>
/// "The nearest agency of a type up the division tree" — the one rule every receiver, enforcer,
/// visitor, routing target and convener is found by (ADR 0025). Only agencies whose division lies on
/// the place's own line count (the place, then its town, district and city). The nearest tier wins:
/// community → town → district → city, decided by the tier and never by the length of the code (a
/// city 440300 and its district 440306 both have six digits). Within one division the earlier type
/// in <c>types</c> wins, then the smaller id, so the answer is stable.
/// </summary>
public static class NearestAgency
{
    /// <summary>The place and the divisions above it, nearest first: the candidates a query needs to load.</summary>
    public static IReadOnlyList<DivisionCode> Line(DivisionCode place)
    {
        var line = new List<DivisionCode>(4);
        for (DivisionCode? at = place; at is { } division; at = division.Parent)
        {
            line.Add(division);
        }

        return line;
    }

    /// <summary>The nearest of <paramref name="agencies"/> (pass active ones only) of one of <paramref name="types"/>, or null.</summary>
    public static T? Find<T>(IEnumerable<T> agencies, DivisionCode place, params AgencyType[] types)
        where T : class, IPlacedAgency
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(types);
        var line = Line(place);
        return agencies
            .Where(a => line.Contains(a.Division) && Array.IndexOf(types, a.Type) >= 0)
            .OrderByDescending(a => a.Division.Tier)
            .ThenBy(a => Array.IndexOf(types, a.Type))
            .ThenBy(a => a.Id)
            .FirstOrDefault();
    }
}
