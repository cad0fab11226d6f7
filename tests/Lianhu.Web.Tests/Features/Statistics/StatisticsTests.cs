using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Assessments;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lianhu.Web.Tests.Features.Legal.LegalTestHelpers;

namespace Lianhu.Web.Tests.Features.Statistics;

/// <summary>
/// Every default indicator equals a plain count made from the tables on random cases created
/// through the API; statisticians see "&lt;5" and no case; a district's drill-down stays in the
/// district; exports escape formula cells and are audited; bad parameters are 400 in the caller's language.
/// </summary>
public abstract class StatisticsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount CityCentre => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Tier == Tier.City && a.Role == Role.Supervisor);

    private DemoAccount DistrictCentre(string district) =>
        factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == district && a.Role == Role.Supervisor);

    private DemoAccount Statistician(string district) =>
        factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == district && a.Role == Role.Statistician);

    private DemoAccount WorkstationIn(string community) =>
        factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation && a.Agency.Division.Value == community && a.Role == Role.Caseworker);

    private IReadOnlyList<string> Communities(string prefix) =>
        [.. factory.City.Accounts.Where(a => a.Agency.Type == AgencyType.CommunityWorkstation && a.Agency.Division.Value.StartsWith(prefix, StringComparison.Ordinal))
            .Select(a => a.Agency.Division.Value).Distinct().Order(StringComparer.Ordinal)];

    private async Task<Guid> OpenAsync(string community, string channel = "hotline")
    {
        using var client = await factory.ClientAsAsync(WorkstationIn(community));
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { channel, summary = "统计测试案件", divisionCode = community });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> FigureAsync(HttpClient client, string indicator, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/statistics/{indicator}?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{indicator}?{query}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static decimal? Value(JsonElement row) => row.GetProperty("value").ValueKind == JsonValueKind.Null ? null : row.GetProperty("value").GetDecimal();

    [ProviderFact]
    public async Task EveryDefaultIndicator_EqualsAPlainCountOverTheTables_OnRandomCasesMadeThroughTheApi()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var communities = Communities("4403");
        var created = new List<Guid>();
        for (var i = 0; i < 18; i++)
        {
            var community = communities[random.Next(communities.Count)];
            var id = await OpenAsync(community, random.Next(3) switch { 0 => "hotline", 1 => "walk-in", _ => "grid-report" });
            created.Add(id);
            if (random.Next(3) > 0)
            {
                using var lead = await factory.ClientAsAsync(WorkstationIn(community));
                var yes = random.Next(0, 20);
                (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, yes) }))
                    .StatusCode.ShouldBe(HttpStatusCode.Created);
                if (random.Next(3) == 0)
                {
                    // Reassessed: the newest level counts, not the first.
                    (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, random.Next(0, 20)) }))
                        .StatusCode.ShouldBe(HttpStatusCode.Created);
                }
            }
        }

        // Mandatory reports by Baoan's police, a warning letter on some, protection orders on others.
        using (var police = await factory.ClientAsAsync(Station(factory)))
        {
            for (var i = 0; i < 1 + random.Next(3); i++)
            {
                var report = await police.PostAsJsonAsync("/api/v1/cases", new { channel = "mandatory-report", summary = "医院报告", divisionCode = Community(factory), reporterInstitution = "hospital", victimCapacity = "limited", capacityBasis = "as-observed" });
                report.StatusCode.ShouldBe(HttpStatusCode.Created, await report.Content.ReadAsStringAsync());
                var caseId = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                if (random.Next(2) == 0)
                {
                    (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", WarningLetter())).StatusCode.ShouldBe(HttpStatusCode.Created);
                }
            }
        }

        using (var lead = await factory.ClientAsAsync(Workstation(factory)))
        {
            for (var i = 0; i < random.Next(1, 3); i++)
            {
                var caseId = await OpenCaseAsync(lead, Community(factory));
                (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Application(Court(factory).Agency.Id, emergency: random.Next(2) == 0)))
                    .StatusCode.ShouldBe(HttpStatusCode.Created);
                (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/placements", new { kind = "community-placement", location = "社区工作站值班室" }))
                    .StatusCode.ShouldBe(HttpStatusCode.Created);
            }
        }

        // Each routed task is accepted, declined or left, by its own agency.
        foreach (var id in created)
        {
            using var centre = await factory.ClientAsAsync(CityCentre);
            var tasks = (await centre.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray()
                .Where(t => t.GetProperty("kind").GetString() == "routed" && t.GetProperty("status").GetString() == "created").ToList();
            foreach (var task in tasks)
            {
                var account = factory.City.Accounts.FirstOrDefault(a => a.Agency.Id == task.GetProperty("agencyId").GetGuid() && a.Role == Role.Caseworker);
                if (account is null)
                {
                    continue;
                }

                using var holder = await factory.ClientAsAsync(account);
                var taskId = task.GetProperty("id").GetGuid();
                _ = random.Next(3) switch
                {
                    0 => await holder.PostAsync($"/api/v1/tasks/{taskId}/accept", null),
                    1 => await holder.PostAsJsonAsync($"/api/v1/tasks/{taskId}/decline", new { reason = "不属本单位职责" }),
                    _ => null,
                };
            }
        }

        var plain = await PlainFiguresAsync();
        using var city = await factory.ClientAsAsync(CityCentre, "en");
        var indicators = (await city.GetFromJsonAsync<JsonElement>("/api/v1/indicators")).EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        indicators.Count.ShouldBeGreaterThanOrEqualTo(20);
        foreach (var id in indicators)
        {
            plain.ShouldContainKey(id, "every default indicator has its plain count in this test");
            var figure = await FigureAsync(city, id);
            figure.GetProperty("version").GetInt32().ShouldBe(1);
            Value(figure.GetProperty("total")).ShouldBe(plain[id], $"{id} (seed {seed})");
        }

        // Cut by district, each cell is the plain count of the cases located in that district.
        var byDistrict = await FigureAsync(city, "cases-managed", "by=division&tier=district");
        var cases = await LoadAsync(db => db.Cases.AsNoTracking().Where(c => c.DivisionCode.StartsWith("4403")).ToListAsync());
        foreach (var row in byDistrict.GetProperty("rows").EnumerateArray())
        {
            var district = row.GetProperty("key").GetString()!;
            Value(row).ShouldBe(cases.Count(c => c.DivisionCode.StartsWith(district, StringComparison.Ordinal)), district);
            row.GetProperty("label").GetString().ShouldNotBe(district, "a district is named");
        }

        byDistrict.GetProperty("rows").EnumerateArray().Sum(r => Value(r)).ShouldBe(cases.Count);
        var assessments = await LoadAsync(db => db.Assessments.AsNoTracking().ToListAsync());
        var newest = assessments.GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.AssessedAt)!.CommonLevel);
        foreach (var row in (await FigureAsync(city, "risk-levels")).GetProperty("rows").EnumerateArray())
        {
            Value(row).ShouldBe(cases.Count(c => newest.TryGetValue(c.Id, out var level) && level is { } l && Domain.Common.StableName.Of(l) == row.GetProperty("key").GetString()), $"seed {seed}");
        }

        var byChannel = await FigureAsync(city, "new-cases-by-channel");
        foreach (var row in byChannel.GetProperty("rows").EnumerateArray())
        {
            Value(row).ShouldBe(cases.Count(c => Domain.Common.StableName.Of(c.Channel) == row.GetProperty("key").GetString()));
        }
    }

    /// <summary>The figures made by hand: every table read whole, counted with plain LINQ over objects.</summary>
    private async Task<Dictionary<string, decimal?>> PlainFiguresAsync()
    {
        var cases = await LoadAsync(db => db.Cases.AsNoTracking().Where(c => c.DivisionCode.StartsWith("4403")).ToListAsync());
        var ids = cases.Select(c => c.Id).ToHashSet();
        var assessments = (await LoadAsync(db => db.Assessments.AsNoTracking().ToListAsync())).Where(a => ids.Contains(a.CaseId)).ToList();
        var tasks = (await LoadAsync(db => db.CaseTasks.AsNoTracking().ToListAsync())).Where(t => ids.Contains(t.CaseId)).ToList();
        var clocks = (await LoadAsync(db => db.Clocks.AsNoTracking().ToListAsync())).Where(k => ids.Contains(k.CaseId)).ToList();
        var breaches = (await LoadAsync(db => db.ClockBreaches.AsNoTracking().ToListAsync())).Where(b => ids.Contains(b.CaseId)).ToList();
        var orders = (await LoadAsync(db => db.ProtectionOrders.AsNoTracking().ToListAsync())).Where(o => ids.Contains(o.CaseId)).ToList();
        var letters = (await LoadAsync(db => db.WarningLetters.AsNoTracking().ToListAsync())).Where(w => ids.Contains(w.CaseId)).ToList();
        var conferences = (await LoadAsync(db => db.CaseConferences.AsNoTracking().ToListAsync())).Where(f => ids.Contains(f.CaseId)).ToList();
        var stays = (await LoadAsync(db => db.ShelterStays.AsNoTracking().ToListAsync())).Where(p => ids.Contains(p.CaseId)).ToList();
        var orderIds = orders.Select(o => o.Id).ToHashSet();
        var orderBreaches = (await LoadAsync(db => db.Set<Domain.Legal.ProtectionOrderBreach>().AsNoTracking().ToListAsync())).Where(b => orderIds.Contains(b.OrderId)).ToList();
        var alerts = (await LoadAsync(db => db.Set<Domain.Alarms.AlarmAlert>().AsNoTracking().ToListAsync())).Where(a => ids.Contains(a.CaseId)).ToList();

        static decimal? Rate(int hits, int all) => all == 0 ? null : Math.Round(100m * hits / all, 1);
        var latest = assessments.GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedAt).First().CommonLevel);
        var high = cases.Where(c => latest.GetValueOrDefault(c.Id) == CommonRiskLevel.High).ToList();
        var conferenced = high.Count(c =>
        {
            var first = assessments.Where(a => a.CaseId == c.Id && a.CommonLevel == CommonRiskLevel.High).Min(a => a.AssessedAt);
            return conferences.Any(f => f.CaseId == c.Id && f.Status != ConferenceStatus.Cancelled && f.ScheduledAt >= first && f.ScheduledAt <= first.AddDays(7));
        });
        var handled = cases.Count(c => c.Status is CaseStatus.Closed or CaseStatus.ClosurePending);
        var closedDays = cases.Where(c => c.Status == CaseStatus.Closed && c.ClosedAt is not null).Select(c => (c.ClosedAt!.Value - c.CreatedAt).TotalDays).Order().ToList();
        string[] visitRules = ["return-visit", "return-visit-after-110", "warning-followup"];
        var visitClocks = clocks.Where(k => visitRules.Contains(k.RuleId) && k.State is Domain.Clocks.ClockState.Completed or Domain.Clocks.ClockState.Breached).ToList();
        var rulingClocks = clocks.Where(k => k.RuleId == "po-ruling" && k.State is Domain.Clocks.ClockState.Completed or Domain.Clocks.ClockState.Breached).ToList();
        var verifications = clocks.Where(k => k.RuleId == "po-police-verification" && k.State is Domain.Clocks.ClockState.Completed or Domain.Clocks.ClockState.Breached).ToList();
        var followUps = clocks.Where(k => k.RuleId == "warning-followup" && k.State is Domain.Clocks.ClockState.Completed or Domain.Clocks.ClockState.Breached).ToList();
        var routed = tasks.Where(t => t.Kind is CaseTaskKind.Routed or CaseTaskKind.Reassignment or CaseTaskKind.ReturnVisit).ToList();
        return new Dictionary<string, decimal?>
        {
            ["cases-managed"] = cases.Count,
            ["handling-rate"] = Rate(handled, cases.Count),
            ["new-cases-by-channel"] = cases.Count,
            ["mandatory-reports"] = cases.Count(c => c.Channel == Channel.MandatoryReport),
            ["risk-levels"] = cases.Count(c => latest.GetValueOrDefault(c.Id) is not null),
            ["high-risk-conference"] = Rate(conferenced, high.Count),
            ["protection-orders-applied"] = orders.Count,
            ["protection-orders-ruled-in-time"] = Rate(rulingClocks.Count(k => k.CompletedAt <= k.DueAt), rulingClocks.Count),
            ["warning-letters"] = letters.Count,
            ["return-visits-on-time"] = Rate(visitClocks.Count(k => k.CompletedAt <= k.DueAt), visitClocks.Count),
            ["tasks-accepted-in-time"] = Rate(routed.Count(t => t.AcceptedAt <= t.DueAt), routed.Count),
            ["tasks-declined"] = tasks.Count(t => t.Status == CaseTaskStatus.Declined),
            ["clock-breaches"] = breaches.Count,
            ["median-days-to-closure"] = closedDays.Count == 0 ? null : Math.Round((decimal)((closedDays[(closedDays.Count - 1) / 2] + closedDays[closedDays.Count / 2]) / 2), 1),
            ["p90-days-to-closure"] = closedDays.Count == 0 ? null : Math.Round((decimal)closedDays[(int)Math.Ceiling(0.9 * closedDays.Count) - 1], 1),
            ["reopen-rate"] = Rate(cases.Count(c => c.ReopenCount > 0), cases.Count),
            ["po-police-verified-in-time"] = Rate(verifications.Count(k => k.CompletedAt <= k.DueAt), verifications.Count),
            ["warning-followup-on-time"] = Rate(followUps.Count(k => k.CompletedAt <= k.DueAt), followUps.Count),
            ["placements"] = stays.Count,
            ["order-breaches"] = orderBreaches.Count,
            ["alarm-alerts"] = alerts.Count,
            ["alarms-acknowledged-in-time"] = Rate(alerts.Count(a => a.AcknowledgedAt <= a.AcknowledgeBy), alerts.Count),
            ["shelter-stays-over-10-days"] = stays.Count(p => p.Kind == Domain.Legal.PlacementKind.ShelterStay && (p.EndedAt ?? DateTimeOffset.UtcNow) - p.StartedAt > TimeSpan.FromDays(10)),
        };
    }

    private async Task<T> LoadAsync<T>(Func<LianhuDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LianhuDbContext>());
    }

    [ProviderFact]
    public async Task AStatistician_SeesLessThanFive_AComplementaryCellHidden_AndNoCase()
    {
        // Futian (440304): two self-reports (no other test files one), eight hotline calls.
        var communities = Communities("440304");
        for (var i = 0; i < 2; i++)
        {
            await OpenAsync(communities[0], "self-report");
        }

        for (var i = 0; i < 8; i++)
        {
            await OpenAsync(communities[1]);
        }

        using var statistician = await factory.ClientAsAsync(Statistician("440304"));
        var figure = await FigureAsync(statistician, "cases-managed", "by=channel");
        figure.GetProperty("protected").GetBoolean().ShouldBeTrue();
        var rows = figure.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        var small = rows["self-report"];
        small.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        small.GetProperty("display").GetString().ShouldBe("<5");
        small.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        small.GetProperty("label").GetString().ShouldBe("当事人自报");
        rows.Values.Count(r => r.GetProperty("suppressed").GetBoolean()).ShouldBeGreaterThanOrEqualTo(2, "one more cell hides the small one from the total");
        rows.Values.Where(r => !r.GetProperty("suppressed").GetBoolean()).ShouldAllBe(r => Value(r) == 0 || Value(r) >= 5);
        var byCommunity = await FigureAsync(statistician, "cases-managed", "by=division&tier=community");
        byCommunity.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()!)
            .ShouldAllBe(k => k.StartsWith("440304", StringComparison.Ordinal), "a district statistician counts only the district");

        var text = await (await statistician.GetAsync("/api/v1/statistics/cases-managed?by=division&tier=community")).Content.ReadAsStringAsync();
        text.ShouldNotContain("统计测试案件");
        var list = await statistician.GetAsync($"/api/v1/statistics/cases-managed/cases?by=division&tier=community&key={communities[1]}");
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("statistics.no-case-access");

        // The same figure for the district's supervisor is exact.
        using var supervisor = await factory.ClientAsAsync(DistrictCentre("440304"));
        var exact = await FigureAsync(supervisor, "cases-managed", "by=channel");
        exact.GetProperty("protected").GetBoolean().ShouldBeFalse();
        var exactRow = exact.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "self-report");
        Value(exactRow).ShouldBe(2);
        exactRow.GetProperty("suppressed").GetBoolean().ShouldBeFalse();
    }

    [ProviderFact]
    public async Task ADistrictSupervisor_DrillsDownToTheCasesOfTheirDistrict_AndNoFurther()
    {
        var baoan = await OpenAsync(Communities("440306")[0]);
        var longgang = await OpenAsync(Communities("440305")[0]);
        using var supervisor = await factory.ClientAsAsync(DistrictCentre("440306"));

        var total = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/statistics/cases-managed/cases?key=total");
        var items = total.GetProperty("items").EnumerateArray().ToList();
        items.ShouldContain(c => c.GetProperty("id").GetGuid() == baoan);
        items.ShouldNotContain(c => c.GetProperty("id").GetGuid() == longgang);
        items.ShouldAllBe(c => c.GetProperty("divisionCode").GetString()!.StartsWith("440306", StringComparison.Ordinal));
        var figure = await FigureAsync(supervisor, "cases-managed");
        total.GetProperty("total").GetInt32().ShouldBe((int)Value(figure.GetProperty("total"))!, "the list behind a figure has as many cases as the figure");

        var other = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/statistics/cases-managed/cases?by=division&tier=district&key=440305");
        other.GetProperty("total").GetInt32().ShouldBe(0);
        (await supervisor.GetAsync("/api/v1/statistics/cases-managed?by=division&tier=city")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A police station's caseworker counts only the cases its agency leads — not those it sees through a task.
        using var station = await factory.ClientAsAsync(Station(factory));
        var listed = (await station.GetFromJsonAsync<JsonElement>($"/api/v1/cases/search?lead={Station(factory).Agency.Id}&pageSize=100")).GetProperty("total").GetInt32();
        Value((await FigureAsync(station, "cases-managed")).GetProperty("total")).ShouldBe(listed);
    }

    [ProviderFact]
    public async Task ABodyThatSeesACaseOnlyThroughATask_CannotLearnItsRiskFromTheFigures()
    {
        using var lead = await factory.ClientAsAsync(Workstation(factory), "en");
        var caseId = await factory.OpenCaseAsync(lead, "hotline", "统计不得泄露风险等级");
        (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", Tasks.TaskApiTests<TFactory>.DashHigh)).EnsureSuccessStatusCode();
        using var counsellor = await factory.CounsellingOnlyConsentAsync(lead, caseId);
        (await counsellor.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the centre sees the case through its task");

        var figure = await counsellor.GetFromJsonAsync<JsonElement>("/api/v1/statistics/cases-managed?by=risk-level");
        figure.GetProperty("rows").EnumerateArray().ShouldNotContain(r => r.GetProperty("key").GetString() == "high");
        var behind = await counsellor.GetFromJsonAsync<JsonElement>("/api/v1/statistics/cases-managed/cases?by=risk-level&key=high");
        behind.GetProperty("total").GetInt32().ShouldBe(0);
        behind.ToString().ShouldNotContain(caseId.ToString());

        // The lead, who may read the risk section, counts it.
        var mine = await lead.GetFromJsonAsync<JsonElement>("/api/v1/statistics/cases-managed/cases?by=risk-level&key=high");
        mine.GetProperty("items").EnumerateArray().ShouldContain(c => c.GetProperty("id").GetGuid() == caseId);
    }

    [ProviderFact]
    public async Task TheExport_EscapesFormulaCells_AndIsAudited_WithoutPersonalData()
    {
        var community = Communities("440305")[1];
        await OpenAsync(community);
        var lead = WorkstationIn(community).Agency.Id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().Agencies.Where(a => a.Id == lead)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "=HYPERLINK(\"http://evil.example\",\"点我\")"));
        }

        using var city = await factory.ClientAsAsync(CityCentre);
        var before = await LoadAsync(db => db.AuditEvents.CountAsync(e => e.Action == "statistics.export"));
        var csv = await city.GetAsync("/api/v1/statistics/cases-managed?by=lead-agency&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l.Contains("'=HYPERLINK", StringComparison.Ordinal));
        foreach (var cell in lines.SelectMany(l => l.Split(',')).Select(c => c.TrimStart('"')))
        {
            cell.ShouldNotStartWith("=");
            cell.ShouldNotStartWith("+");
            cell.ShouldNotStartWith("-");
            cell.ShouldNotStartWith("@");
        }

        var xlsx = await city.GetAsync("/api/v1/statistics/cases-managed?by=lead-agency&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var cells = MiniExcelLibs.MiniExcel.Query(stream).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).OfType<string>().ToList();
        cells.ShouldContain(c => c.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        cells.ShouldNotContain(c => c.StartsWith('=') || c.StartsWith('+') || c.StartsWith('-') || c.StartsWith('@'));

        var events = await LoadAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "statistics.export").ToListAsync());
        events.Count.ShouldBe(before + 2);
        events.ShouldAllBe(e => e.EntityType == "indicator" && e.EntityId == "cases-managed.v1" && e.CaseId == null);
        (await city.GetAsync("/api/v1/statistics/cases-managed?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [ProviderFact]
    public async Task BadParameters_Are400ProblemDetails_NamingTheFieldInTheCallersLanguage_OthersAre403Or404()
    {
        using var city = await factory.ClientAsAsync(CityCentre);
        var bad = await city.GetAsync("/api/v1/statistics/cases-managed?by=shoe-size&tier=galaxy&from=2026-13-01&period=fortnight");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("by")[0].GetString()!.ShouldContain("不能按此维度统计");
        errors.GetProperty("by")[0].GetString()!.ShouldContain("division");
        errors.GetProperty("tier")[0].GetString()!.ShouldContain("层级");
        errors.GetProperty("from")[0].GetString()!.ShouldContain("年-月-日");
        errors.GetProperty("period")[0].GetString()!.ShouldContain("周期");

        using var english = await factory.ClientAsAsync(CityCentre, "en");
        var reversed = await english.GetAsync("/api/v1/statistics/handling-rate?from=2026-06-01&to=2026-01-01");
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("from")[0].GetString().ShouldBe("The start date is after the end date.");
        (await english.GetAsync("/api/v1/statistics/cases-managed/cases?key=x%20y")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await english.GetAsync("/api/v1/statistics/no-such-indicator")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "4403", Role.Sysadmin));
        (await admin.GetAsync("/api/v1/statistics/cases-managed")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/v1/indicators")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [ProviderFact]
    public async Task TheDashboard_ShowsTheCardsAndTheDefinition_AndTheStatisticianLandsOnIt()
    {
        using var ui = await UiSession.SignInAsync(factory, Statistician("440306"), "zh-CN");
        var home = await ui.Client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldEndWith("statistics");
        var page = await ui.Client.GetStringAsync("/statistics?indicator=handling-rate&by=division");
        page.ShouldContain("办结率");
        page.ShouldContain("“办结”指案件已结案");
        page.ShouldContain("data-testid=\"statistics-cards\"");
        page.ShouldContain("data-testid=\"statistics-protected\"");
        page.ShouldContain("src=\"js/statistics.js\"");
        page.ShouldContain("data-testid=\"nav-statistics\"");
        page.ShouldNotContain("<script>");
        page.ShouldNotContain("statistics/cases?", Shouldly.Case.Sensitive, "a statistician's figures link to no cases");

        var export = await ui.Client.GetAsync("/statistics/export?indicator=cases-managed&format=xlsx");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var supervisor = await UiSession.SignInAsync(factory, DistrictCentre("440306"), "zh-CN");
        await OpenAsync(Communities("440306")[0]);
        var exact = await supervisor.Client.GetStringAsync("/statistics?indicator=cases-managed&by=division&tier=town");
        exact.ShouldContain("statistics/cases?");
        var drill = await supervisor.Client.GetStringAsync("/statistics/cases?indicator=cases-managed&key=total");
        drill.ShouldContain("data-testid=\"statistics-cases\"");
    }
}

public sealed class StatisticsTests_Sqlite(SqliteFactory factory) : StatisticsTests<SqliteFactory>(factory);

public sealed class StatisticsTests_Postgres(PostgresFactory factory) : StatisticsTests<PostgresFactory>(factory), IPostgresTests;
