using Lianhu.Domain.Common;

namespace Lianhu.Web.Features.Statistics.Bulletins;

/// <summary>
/// The evaluation scheme of the monthly bulletin (<c>config/policies/bulletin.json</c>, ADR 0032):
/// which indicators score a member unit, each with a weight, a direction and the dimension
/// <c>agency</c>. Read strictly at start; an indicator the catalogue does not know, or cannot cut by
/// agency, stops the start with the file and the reason named.
/// </summary>
public sealed record BulletinScheme(string Id, int Version, LocalizedText Name, IReadOnlyList<SchemeIndicator> Indicators)
{
    public static BulletinScheme Load(string path, IndicatorCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var name = Path.GetFileName(path);
        var scheme = PolicyJson.Read<BulletinScheme>(File.ReadAllText(path), name);
        void Fail(string at, string reason) => throw new FormatException($"{name}: {at}: {reason}");
        if (string.IsNullOrWhiteSpace(scheme.Id) || scheme.Version < 1)
        {
            Fail("$.id", "an id and a version from 1");
        }

        if (scheme.Indicators is not { Count: > 0 })
        {
            Fail("$.indicators", "at least one indicator");
        }

        for (var i = 0; i < scheme.Indicators!.Count; i++)
        {
            var s = scheme.Indicators[i];
            if (catalogue.Find(s.Indicator) is not { } indicator)
            {
                Fail($"$.indicators[{i}].indicator", $"unknown indicator '{s.Indicator}'");
            }
            else if (s.Dimension != "agency" || !indicator.Dimensions.Contains(s.Dimension))
            {
                Fail($"$.indicators[{i}].dimension", $"'agency', and {s.Indicator} must be cut by it");
            }
            else if (indicator.Kind == "duration")
            {
                Fail($"$.indicators[{i}].indicator", "a rate or a count scores a unit, not a duration");
            }

            if (s.Weight is <= 0 or > 100)
            {
                Fail($"$.indicators[{i}].weight", "a weight from 1 to 100");
            }

            if (s.Direction is not ("higher" or "lower"))
            {
                Fail($"$.indicators[{i}].direction", "higher or lower (is better)");
            }
        }

        return scheme;
    }
}

/// <summary>One scoring indicator: its id, weight, whether higher or lower is better, and the dimension (<c>agency</c>).</summary>
public sealed record SchemeIndicator(string Indicator, decimal Weight, string Direction, string Dimension);
