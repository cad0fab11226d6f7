using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Lianhu.Web.Hosting;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Lianhu.Web.Tests.Architecture;

/// <summary>
/// The structure of the code, held by a test (ArchUnitNET reads the compiled assemblies):
/// the domain is pure, the plumbing under the features knows nothing of them, and no two
/// feature folders depend on each other in a circle. A feature that needs to react to another
/// registers a listener (<c>Hosting/Events</c>) instead of being called by it.
/// </summary>
public sealed class StructureTests
{
    private static readonly System.Reflection.Assembly DomainAssembly = typeof(Lianhu.Domain.Cases.Case).Assembly;
    private static readonly System.Reflection.Assembly WebAssembly = typeof(LianhuHost).Assembly;

    private static readonly ArchUnitNET.Domain.Architecture Code =
        new ArchLoader().LoadAssemblies(DomainAssembly, WebAssembly).Build();

    [Fact]
    public void TheDomain_ReferencesNothingButTheBaseClassLibrary()
    {
        var outside = DomainAssembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name == "netstandard" || name == "mscorlib" || name.StartsWith("System", StringComparison.Ordinal)))
            .ToList();
        outside.ShouldBeEmpty();
    }

    [Fact]
    public void TheDomain_DoesNotKnowTheHost()
    {
        Types().That().ResideInAssembly(DomainAssembly)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(WebAssembly))
            .Check(Code);
    }

    [Theory]
    [InlineData("Lianhu.Web.Data")]
    [InlineData("Lianhu.Web.Identity")]
    [InlineData("Lianhu.Web.Hosting")]
    [InlineData("Lianhu.Web.Security")]
    [InlineData("Lianhu.Web.Localization")]
    public void ThePlumbing_DoesNotReferenceTheFeatures(string plumbing)
    {
        Types().That().ResideInNamespaceMatching("^" + System.Text.RegularExpressions.Regex.Escape(plumbing) + @"(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^Lianhu\.Web\.Features(\..*)?$"))
            .Because("the features sit on the plumbing; a feature plugs itself in through IFeatureModule")
            .Check(Code);
    }

    /// <summary>
    /// A feature folder is everything under <c>Lianhu.Web.Features.X</c> (its sub-folders included,
    /// e.g. <c>Legal.Documents</c>). The graph of folder dependencies has no cycle: one named here
    /// comes with a type on each edge, so the message says what to move or turn into a listener.
    /// </summary>
    [Fact]
    public void FeatureFolders_DoNotDependOnEachOtherInACircle()
    {
        const string prefix = "Lianhu.Web.Features.";
        static string? FolderOf(IType type) =>
            type.FullName.StartsWith(prefix, StringComparison.Ordinal) ? type.FullName[prefix.Length..].Split('.', '+')[0] : null;

        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in Code.Types)
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (FolderOf(dependency.Target) is { } to && to != from)
                {
                    var targets = edges.TryGetValue(from, out var t) ? t : edges[from] = new(StringComparer.Ordinal);
                    targets.TryAdd(to, $"{type.FullName} -> {dependency.Target.FullName}");
                }
            }
        }

        FindCycle(edges).ShouldBeNull();
    }

    [Fact]
    public void TheCycleSearch_NamesACircleAndPassesALine()
    {
        var circle = new Dictionary<string, Dictionary<string, string>>
        {
            ["Cases"] = new() { ["Audit"] = "a", ["Intake"] = "b" },
            ["Intake"] = new() { ["Persons"] = "c" },
            ["Persons"] = new() { ["Cases"] = "d" },
        };
        FindCycle(circle).ShouldBe($"Cases -> Intake  (b){Environment.NewLine}Intake -> Persons  (c){Environment.NewLine}Persons -> Cases  (d)");

        circle["Persons"].Remove("Cases");
        FindCycle(circle).ShouldBeNull();
    }

    /// <summary>The first cycle found by depth-first search, as "A -> B (why) -> … -> A", or null.</summary>
    internal static string? FindCycle(Dictionary<string, Dictionary<string, string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();

        string? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.TryGetValue(node, out var t) ? t.Keys.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next).ToList();
                    return string.Join(Environment.NewLine, cycle.Zip(cycle.Skip(1), (a, b) => $"{a} -> {b}  ({edges[a][b]})"));
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
