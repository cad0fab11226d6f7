using System.Text.Json;

namespace Lianhu.Web.Tests.Cli;

/// <summary>
/// <c>lianhu score</c> run as a process against the bundled definitions: thresholds and their
/// neighbours, unknown answers, judgement up and down, the escalation and repeat windows, and
/// invalid input (JSON error on stderr, exit code 2). Vignettes follow ADR 0005.
/// </summary>
public sealed class ScoreCommandTests
{
    private static string Items(int count) => string.Join(',', Enumerable.Range(1, count));

    private static async Task<JsonElement> ScoreAsync(params string[] args)
    {
        var result = await LianhuProcess.RunAsync(["score", .. args, "--json", "--at", "2025-06-15"]);
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldBeEmpty();
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static async Task<(string Field, string Reason)> ErrorAsync(params string[] args)
    {
        var result = await LianhuProcess.RunAsync(["score", .. args, "--json"]);
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        var error = JsonDocument.Parse(result.Stderr).RootElement.GetProperty("error");
        return (error.GetProperty("field").GetString()!, error.GetProperty("reason").GetString()!);
    }

    private static string[] Criteria(JsonElement result) =>
        [.. result.GetProperty("criteria").EnumerateArray().Select(c => c.GetString()!)];

    [Theory]
    [InlineData(0, "standard")]
    [InlineData(9, "standard")]
    [InlineData(10, "medium")]
    [InlineData(13, "medium")]
    [InlineData(14, "high")]
    [InlineData(24, "high")]
    public async Task Dash_BandsAndTheFourteenYesThreshold(int yes, string level)
    {
        var result = await ScoreAsync("dash-ric", "--yes", Items(yes));

        result.GetProperty("instrument").GetString().ShouldBe("dash-ric");
        result.GetProperty("version").GetInt32().ShouldBe(1);
        result.GetProperty("score").GetRawText().ShouldBe(yes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        result.GetProperty("level").GetString().ShouldBe(level);
        result.GetProperty("referral").GetBoolean().ShouldBe(yes >= 14);
        Criteria(result).ShouldBe(yes >= 14 ? ["visible_high_risk"] : []);
    }

    [Fact]
    public async Task Dash_StdoutStartsWithTheSixContractFields()
    {
        var result = await LianhuProcess.RunAsync("score", "dash-ric", "--json", "--yes", Items(14), "--at", "2025-06-15");

        result.Stdout.ShouldStartWith("""{"instrument":"dash-ric","version":1,"score":14,"level":"high","referral":true,"criteria":["visible_high_risk"],""");
    }

    [Fact]
    public async Task Dash_UnknownAnswersAddNothing()
    {
        var result = await ScoreAsync("dash-ric", "--yes", Items(13), "--unknown", "14,15");

        result.GetProperty("score").GetInt32().ShouldBe(13);
        result.GetProperty("level").GetString().ShouldBe("medium");
        result.GetProperty("unknown").GetInt32().ShouldBe(2);
        result.GetProperty("referral").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Judgement_RaisesTheLevel_AndHighIsAReferralCriterion()
    {
        var result = await ScoreAsync("dash-ric", "--yes", "1,2", "--judgement", "high", "--judgement-reason", "threats this week");

        result.GetProperty("computedLevel").GetString().ShouldBe("standard");
        result.GetProperty("level").GetString().ShouldBe("high");
        Criteria(result).ShouldBe(["professional_judgement"]);
        result.GetRawText().ShouldNotContain("threats this week");
    }

    [Fact]
    public async Task Judgement_NeverLowers()
    {
        var result = await ScoreAsync("dash-ric", "--yes", Items(14), "--judgement", "medium", "--judgement-reason", "seems calmer");

        result.GetProperty("level").GetString().ShouldBe("high");
        Criteria(result).ShouldBe(["visible_high_risk"]);
    }

    [Fact]
    public async Task Judgement_BelowTheTop_RaisesButIsNoReferral()
    {
        var result = await ScoreAsync("dash-ric", "--yes", "1", "--judgement", "medium", "--judgement-reason", "worried");

        result.GetProperty("level").GetString().ShouldBe("medium");
        result.GetProperty("referral").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("2024-06-16,2025-01-01,2025-06-15", true)]
    [InlineData("2024-06-15,2025-01-01,2025-06-15", false)]
    [InlineData("2025-01-01,2025-06-15,2025-06-16", false)]
    [InlineData("2025-06-15,2025-06-15,2025-06-15", true)]
    public async Task PotentialEscalation_ThreeIncidentsInTheTwelveMonthsUpToTheAssessmentDate(string incidents, bool fires)
    {
        var result = await ScoreAsync("dash-ric", "--yes", "1", "--incidents", incidents);

        Criteria(result).Contains("potential_escalation").ShouldBe(fires);
        result.GetProperty("referral").GetBoolean().ShouldBe(fires);
    }

    [Theory]
    [InlineData("2024-06-15", "2024-06-16", true)]
    [InlineData("2024-06-15", "2025-06-15", true)]
    [InlineData("2024-06-15", "2024-06-15", false)]
    [InlineData("2024-06-14", "2025-06-15", false)]
    public async Task Repeat_AFurtherIncidentWithinTwelveMonthsOfTheLastReferral(string lastReferral, string incident, bool fires)
    {
        var result = await ScoreAsync("dash-ric", "--last-referral", lastReferral, "--incident-date", incident);

        Criteria(result).ShouldBe(fires ? ["repeat"] : []);
    }

    [Fact]
    public async Task AllFourCriteria_AreListedInOrder()
    {
        var result = await ScoreAsync(
            "dash-ric", "--yes", Items(15), "--judgement", "high", "--judgement-reason", "r",
            "--incidents", "2025-01-01,2025-03-01,2025-06-01", "--last-referral", "2025-01-01", "--incident-date", "2025-06-01");

        Criteria(result).ShouldBe(["visible_high_risk", "professional_judgement", "potential_escalation", "repeat"]);
    }

    [Fact]
    public async Task Odara_ScoresWithFiveUnknown_AndRefusesSix()
    {
        var five = await ScoreAsync("odara", "--yes", "1,2", "--unknown", "3,4,5,6,7");
        five.GetProperty("score").GetInt32().ShouldBe(2);
        five.GetProperty("unknown").GetInt32().ShouldBe(5);

        var (field, _) = await ErrorAsync("odara", "--unknown", "3,4,5,6,7,8");
        field.ShouldBe("answers");
    }

    [Fact]
    public async Task ExplicitVersion_IsUsed()
    {
        (await ScoreAsync("cn-three-level", "--yes", "4", "--version", "1")).GetProperty("level").GetString().ShouldBe("high");
        (await ErrorAsync("cn-three-level", "--version", "9")).Field.ShouldBe("version");
    }

    [Theory]
    [InlineData("answers[25]", "dash-ric", "--yes", "25")]
    [InlineData("judgementReason", "dash-ric", "--judgement", "high")]
    [InlineData("judgement", "dash-ric", "--judgement", "severe", "--judgement-reason", "r")]
    [InlineData("instrument", "no-such-scale")]
    [InlineData("at", "dash-ric", "--at", "2025-02-30")]
    [InlineData("incidents[1]", "dash-ric", "--incidents", "2025-01-01,15/06/2025")]
    [InlineData("yes", "dash-ric", "--yes", "1,two")]
    [InlineData("answers[3]", "dash-ric", "--yes", "3", "--unknown", "3")]
    [InlineData("arguments", "dash-ric", "--yes", "1", "5")]
    public async Task InvalidInput_IsAJsonErrorOnStderr_WithExitCode2(string field, params string[] args)
    {
        var (actual, reason) = await ErrorAsync(args);

        actual.ShouldBe(field);
        reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task WithoutJson_PrintsAShortExplanation()
    {
        var result = await LianhuProcess.RunAsync("score", "dash-ric", "--yes", Items(14), "--at", "2025-06-15");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("dash-ric v1");
        result.Stdout.ShouldContain("visible_high_risk");
        result.Stdout.ShouldNotStartWith("{");
    }

    [Fact]
    public async Task WithoutAt_TheAssessmentDateIsTodayInShanghai()
    {
        static string Today() => Lianhu.Domain.Clocks.ShanghaiTime.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = Today();
        var result = await LianhuProcess.RunAsync("score", "dash-ric", "--json");
        var after = Today();

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("incidents in (");
        (result.Stdout.Contains($", {before}]", StringComparison.Ordinal) || result.Stdout.Contains($", {after}]", StringComparison.Ordinal)).ShouldBeTrue(result.Stdout);
    }
}
