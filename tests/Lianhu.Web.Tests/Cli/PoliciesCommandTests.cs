using System.Text.Json.Nodes;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Cli;

/// <summary>
/// <c>lianhu policies check [--dir D]</c> reads a city's policy folder as startup does: exit 0 when
/// every file is valid, exit 1 naming the file, the JSON path and the reason; and the service itself
/// refuses to start on the same folder.
/// </summary>
public sealed class PoliciesCommandTests : IDisposable
{
    private readonly string workDir = Directory.CreateTempSubdirectory("lianhu-policies-").FullName;

    private static string Bundled(string relative) => Path.Combine(Path.GetDirectoryName(LianhuProgram.Dll)!, "config", relative);

    /// <summary>A city folder holding one policy file: the bundled one with <paramref name="change"/> applied.</summary>
    private string CityFolderWith(string relative, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(Bundled(relative)), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        change(node);
        var path = Path.Combine(workDir, "city", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, node.ToJsonString());
        return Path.Combine(workDir, "city");
    }

    [Fact]
    public async Task Check_OnTheBundledPolicies_ExitsZero_ListingEveryFile()
    {
        var result = await LianhuProgram.RunAsync(workDir, null, "policies", "check");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("routing.json");
        result.Stdout.ShouldContain("intake-channels.json");
        result.Stdout.ShouldContain("rules.json");
        result.Stdout.ShouldContain("policies valid");
    }

    [Theory]
    [InlineData("shanxi", "《山西省家庭暴力预防和处置办法》（山西省人民政府）")]
    [InlineData("hefei", "合肥市反家庭暴力 110 联动机制（合肥市）")]
    public async Task Check_TheExampleCityPacks_AreValid_AndCiteTheBodyThatMadeTheirRules(string pack, string maker)
    {
        var folder = Bundled(Path.Combine("examples", "policy-packs", pack));
        File.ReadAllText(Path.Combine(folder, "clocks", "rules.json")).ShouldContain(maker);

        var result = await LianhuProgram.RunAsync(workDir, null, "policies", "check", "--dir", folder);

        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    /// <summary>Issue 15 item 7: the demo city (Shenzhen) cites national law and its own platform rules, never another province's or city's.</summary>
    [Fact]
    public void TheDemoCity_CitesNoShanxiOrHefeiRule_AsIfItBoundShenzhen()
    {
        var config = Path.Combine(Path.GetDirectoryName(LianhuProgram.Dll)!, "config");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root!.FullName, "Lianhu.sln")))
        {
            root = root.Parent;
        }

        var resources = Path.Combine(root.FullName, "src", "Lianhu.Web", "Resources");
        var files = Directory.EnumerateFiles(config, "*.json", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(config, f).StartsWith("examples", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(resources, "*.json"))
            .ToList();
        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var foreign in new[] { "山西", "合肥", "Shanxi", "Hefei" })
            {
                text.ShouldNotContain(foreign, Case.Sensitive, $"{file} cites {foreign}");
            }
        }

        File.ReadAllText(Path.Combine(config, "clocks", "rules.json")).ShouldContain("深圳市（演示）平台规则");
    }

    [Fact]
    public async Task Check_AFolderWithAnUnknownMember_ExitsOne_NamingTheFileThePathAndTheReason()
    {
        var city = CityFolderWith(Path.Combine("policies", "routing.json"), n => n["reassignDueHourz"] = 4);

        var result = await LianhuProgram.RunAsync(workDir, null, "policies", "check", "--dir", city);

        result.ExitCode.ShouldBe(1, result.Stdout);
        var line = result.Stderr.Split('\n').Single(l => l.Contains("routing.json", StringComparison.Ordinal));
        line.ShouldContain(Path.Combine(city, "policies", "routing.json"));
        line.ShouldContain("$.reassignDueHourz");
        line.ShouldContain("could not be mapped");
    }

    [Fact]
    public async Task Check_ReadsTheIntakeChannelPolicyStrictly_AMisspeltMemberIsAnError()
    {
        // intake-channels.json was read leniently: a misspelt "routeTo" silently meant "nowhere".
        var city = CityFolderWith(Path.Combine("policies", "intake-channels.json"), n => n["channels"]![0]!["reciever"] = "police-station");

        var result = await LianhuProgram.RunAsync(workDir, null, "policies", "check", "--dir", city);

        result.ExitCode.ShouldBe(1, result.Stdout);
        result.Stderr.ShouldContain("intake-channels.json");
        result.Stderr.ShouldContain("$.channels[0].reciever");
    }

    [Fact]
    public async Task Check_AnUnknownAgencyType_IsNamedWithItsPath()
    {
        var city = CityFolderWith(Path.Combine("policies", "intake-channels.json"), n => n["channels"]![0]!["receivers"]![0] = "police-statoin");

        var result = await LianhuProgram.RunAsync(workDir, null, "policies", "check", "--dir", city);

        result.ExitCode.ShouldBe(1, result.Stdout);
        result.Stderr.ShouldContain("$.channels[0].receivers");
        result.Stderr.ShouldContain("police-statoin");
    }

    [Fact]
    public async Task Serve_WithAnInvalidPolicyFolder_RefusesToStart_NamingTheFileAndTheMember()
    {
        var city = CityFolderWith(Path.Combine("policies", "sharing.json"), n => n["maxConsentDayz"] = 30);

        var result = await LianhuProgram.RunAsync(workDir, new Dictionary<string, string> { ["Lianhu__Policies__Directory"] = city }, "serve", "--urls", "http://127.0.0.1:0");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain(Path.Combine(city, "policies", "sharing.json"));
        result.Stderr.ShouldContain("$.maxConsentDayz");
    }

    public void Dispose() => Directory.Delete(workDir, recursive: true);
}
