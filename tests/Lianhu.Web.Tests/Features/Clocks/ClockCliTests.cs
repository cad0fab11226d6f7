using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Lianhu.Web.Tests.Features.Clocks;

/// <summary>
/// <c>lianhu clock</c> as a separate process, exactly as an outside checker runs it: the built
/// lianhu.dll with the config/ shipped next to it, no database.
/// </summary>
public class ClockCliTests
{
    private sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

        public JsonElement Error => JsonDocument.Parse(Stderr).RootElement.GetProperty("error");
    }

    private static async Task<Run> LianhuAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lianhu.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }

    private static async Task<JsonElement> ComputeAsync(params string[] args)
    {
        var run = await LianhuAsync(["clock", .. args, "--json"]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stderr.ShouldBeEmpty();
        return run.Json;
    }

    private static async Task<JsonElement> FailsAsync(params string[] args)
    {
        var run = await LianhuAsync(["clock", .. args, "--json"]);
        run.ExitCode.ShouldBe(2);
        run.Stdout.ShouldBeEmpty();
        return run.Error;
    }

    [Fact]
    public async Task List_PrintsEveryRuleId_OnePerLine()
    {
        var run = await LianhuAsync("clock", "--list");

        run.ExitCode.ShouldBe(0);
        var ids = run.Stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        ids.ShouldBe(
        [
            "po-ruling", "po-police-verification", "po-validity", "po-reconsideration", "warning-followup", "community-placement",
            "shelter-stay", "return-visit-after-110", "minor-green-channel", "reassessment-high", "reassessment-medium", "reassessment-low",
            "return-visit", "visit-unreachable-escalation", "reassessment-after-incident", "linkage-task", "self-report-contact",
        ]);
    }

    [Fact]
    public async Task ListJson_IsAnArrayOfRulesWithSourceAndDescription()
    {
        var run = await LianhuAsync("clock", "--list", "--json");

        run.ExitCode.ShouldBe(0);
        var first = run.Json[0];
        first.EnumerateObject().Take(5).Select(p => p.Name).ShouldBe(["id", "unit", "amount", "source", "description"]);
        first.GetProperty("id").GetString().ShouldBe("po-ruling");
        first.GetProperty("unit").GetString().ShouldBe("hours");
        first.GetProperty("amount").GetInt32().ShouldBe(72);
        first.GetProperty("source").GetString()!.ShouldContain("ADVL Art 28");
    }

    [Fact]
    public async Task PoRuling_Is72HoursFromAcceptance_AsTheIssueExample()
    {
        var json = await ComputeAsync("po-ruling", "--at", "2026-03-02T10:00");

        json.EnumerateObject().Take(5).Select(p => p.Name).ShouldBe(["rule", "due", "last_day", "reading", "source"]);
        json.GetProperty("rule").GetString().ShouldBe("po-ruling");
        json.GetProperty("due").GetString().ShouldBe("2026-03-05T10:00:00+08:00");
        json.GetProperty("last_day").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("reading").GetString().ShouldBe("exact-instant");
        json.GetProperty("explanation").GetProperty("en").GetString().ShouldBe("72 h from acceptance 2026-03-02 10:00 → due 2026-03-05 10:00 (ADVL Art 28)");
    }

    [Fact]
    public async Task PoRuling_Emergency_And_TheAlternativeReading()
    {
        (await ComputeAsync("po-ruling", "--at", "2026-03-02T10:20:00+08:00", "--emergency")).GetProperty("due").GetString().ShouldBe("2026-03-03T10:20:00+08:00");

        var alternative = await ComputeAsync("po-ruling", "--at", "2026-03-02T10:20:00+08:00", "--reading", "next-full-hour");
        alternative.GetProperty("due").GetString().ShouldBe("2026-03-05T11:00:00+08:00");
        alternative.GetProperty("reading").GetString().ShouldBe("next-full-hour");
    }

    [Fact]
    public async Task AnInstantInUtc_IsCountedOnBeijingTime() =>
        (await ComputeAsync("po-police-verification", "--at", "2026-03-02T02:00:00Z")).GetProperty("due").GetString().ShouldBe("2026-03-03T10:00:00+08:00");

    [Fact]
    public async Task ADayPeriodEndingInNationalDay2026_MovesToTheNextWorkingDay()
    {
        var json = await ComputeAsync("po-reconsideration", "--at", "2026-09-28");

        json.GetProperty("last_day").GetString().ShouldBe("2026-10-08");
        json.GetProperty("due").GetString().ShouldBe("2026-10-09T00:00:00+08:00");
        json.GetProperty("reading").GetString().ShouldBe("days-exclusive-start-rollover");
        json.GetProperty("calendar_status").GetString().ShouldBe("official");
    }

    [Fact]
    public async Task AShelterStayEndingInNationalDay_IsNotMoved()
    {
        var json = await ComputeAsync("shelter-stay", "--at", "2026-09-21");

        json.GetProperty("last_day").GetString().ShouldBe("2026-10-01");
        json.GetProperty("reading").GetString().ShouldBe("days-exclusive-start-no-rollover");
    }

    [Fact]
    public async Task MonthEnds_FallOnTheLastDayOfAShorterMonth()
    {
        (await ComputeAsync("po-validity", "--at", "2026-08-31")).GetProperty("last_day").GetString().ShouldBe("2027-02-28");
        (await ComputeAsync("po-validity", "--at", "2026-01-31", "--months", "1")).GetProperty("last_day").GetString().ShouldBe("2026-02-28");
        (await ComputeAsync("po-validity", "--at", "2027-08-31", "--months", "6")).GetProperty("last_day").GetString().ShouldBe("2028-02-29");
    }

    [Fact]
    public async Task WarningFollowup_And_ReturnVisit()
    {
        (await ComputeAsync("warning-followup", "--at", "2026-03-02")).GetProperty("last_day").GetString().ShouldBe("2026-05-31");
        (await ComputeAsync("return-visit-after-110", "--at", "2026-03-02T23:10")).GetProperty("last_day").GetString().ShouldBe("2026-03-03");
    }

    [Fact]
    public async Task WithoutJson_PrintsTheDueTimeAndBothExplanations()
    {
        var run = await LianhuAsync("clock", "po-reconsideration", "--at", "2026-09-28");

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("2026-10-08 (ends 24:00)");
        run.Stdout.ShouldContain("顺延至 2026-10-08");
        run.Stdout.ShouldContain("moved to the next working day 2026-10-08");
    }

    [Fact]
    public async Task UnknownRule_Exits2_WithAJsonError() =>
        (await FailsAsync("po-nothing", "--at", "2026-03-02")).GetProperty("code").GetString().ShouldBe("clock.unknown-rule");

    [Fact]
    public async Task BadStart_Exits2()
    {
        (await FailsAsync("po-ruling", "--at", "2026-02-30")).GetProperty("code").GetString().ShouldBe("clock.invalid-start");
        (await FailsAsync("po-ruling", "--at", "yesterday")).GetProperty("message").GetString()!.ShouldContain("2026-03-02T10:00");
        (await FailsAsync("po-ruling")).GetProperty("code").GetString().ShouldBe("clock.missing-start");
    }

    [Fact]
    public async Task SevenMonthsOfValidity_Exits2() =>
        (await FailsAsync("po-validity", "--at", "2026-03-02", "--months", "7")).GetProperty("code").GetString().ShouldBe("clock.amount-out-of-range");

    [Fact]
    public async Task EmergencyOnARuleWithoutOne_Exits2() =>
        (await FailsAsync("po-validity", "--at", "2026-03-02", "--emergency")).GetProperty("code").GetString().ShouldBe("clock.emergency-not-applicable");

    [Fact]
    public async Task OtherMistakes_Exit2()
    {
        (await FailsAsync("po-ruling", "--at", "2026-03-02", "--reading", "sometime")).GetProperty("code").GetString().ShouldBe("clock.unknown-reading");
        (await FailsAsync("po-validity", "--at", "2026-03-02", "--months", "six")).GetProperty("code").GetString().ShouldBe("clock.invalid-months");
        (await FailsAsync("po-ruling", "--at", "2026-03-02", "--frobnicate")).GetProperty("code").GetString().ShouldBe("cli.unknown-argument");
        (await FailsAsync()).GetProperty("code").GetString().ShouldBe("clock.missing-rule");
    }
}
