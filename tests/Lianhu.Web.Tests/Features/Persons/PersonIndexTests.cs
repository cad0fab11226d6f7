using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Persons;

/// <summary>The person index across agencies: repeat alarms, prior history within scope, suggestions, merges and the timeline.</summary>
public abstract class PersonIndexTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private string Community => factory.CommunityOf(factory.PoliceStation());

    [ProviderFact]
    public async Task RepeatAlarm_ForTheSameHousehold_AttachesToTheOpenCase_AsATimelineNote()
    {
        using var police = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        var victimId = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        var first = await police.OpenAsync(new
        {
            channel = "police-110",
            summary = "第一次报警：推搡",
            divisionCode = Community,
            parties = new object[] { new { role = "victim", name = "刘丽", idNumber = victimId }, new { role = "respondent", name = "刘某" } },
        });

        var repeat = await police.IntakeAsync(new
        {
            channel = "police-110",
            summary = "第二次报警：威胁",
            divisionCode = Community,
            parties = new[] { new { role = "victim", name = "刘丽", idNumber = victimId } },
        });

        var body = await repeat.Content.ReadFromJsonAsync<JsonElement>();
        repeat.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("attachedToExisting").GetBoolean().ShouldBeTrue();
        body.Id().ShouldBe(first.Id());
        body.GetProperty("intake").GetProperty("parties").GetArrayLength().ShouldBe(2, "the victim is already a party");

        var timeline = (await police.JsonAsync($"/api/v1/cases/{first.Id()}/timeline")).EnumerateArray().ToList();
        // The first alarm's case opened with the women's federation's next-day return-visit task.
        timeline.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["opened", "task-created", "alarm-attached"]);
        timeline[2].GetProperty("note").GetString().ShouldBe("第二次报警：威胁");
        timeline[2].GetProperty("agency").GetString().ShouldBe(factory.PoliceStation().Agency.Name);
    }

    [ProviderFact]
    public async Task RepeatAlarm_AtTheSameAddress_Attaches_ButAnotherHouseholdOpensANewCase()
    {
        using var police = await factory.ClientAsAsync(factory.PoliceStation());
        var address = $"宝安区新安街道 {Guid.NewGuid():N} 号";
        var first = await police.OpenAsync(new { channel = "police-110", summary = "邻居报警", divisionCode = Community, address });

        var sameAddress = await police.IntakeAsync(new { channel = "police-110", summary = "同一地址再次报警", divisionCode = Community, address = " " + address.Replace(" ", "  ", StringComparison.Ordinal) });
        sameAddress.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sameAddress.Content.ReadFromJsonAsync<JsonElement>()).Id().ShouldBe(first.Id());

        var elsewhere = await police.IntakeAsync(new { channel = "police-110", summary = "另一户", divisionCode = Community, address = address + "B" });
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Created);

        var hotline = await factory.ClientAsAsync(factory.Account(AgencyType.CommunityWorkstation, Community));
        (await hotline.IntakeAsync(new { channel = "hotline", summary = "热线：同一地址", divisionCode = Community, address })).StatusCode
            .ShouldBe(HttpStatusCode.Created, "only 110 alarms attach");
    }

    [ProviderFact]
    public async Task PriorHistory_ShowsWhatTheCallerMaySee_AndOnlyCountsTheRest()
    {
        var respondentId = TestIdentities.IdNumber(TestIdentities.BirthDate());
        using var police = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        // Not a 110 alarm: that would give the women's federation its next-day return-visit task, and with it the case.
        var policeCase = await police.OpenAsync(new
        {
            channel = "walk-in",
            summary = "派出所出警：殴打",
            divisionCode = Community,
            parties = new[] { new { role = "respondent", name = "孙刚", idNumber = respondentId } },
        });

        // The women's federation did not open the police case and may not see it.
        var federation = factory.Account(AgencyType.WomensFederation, IntakeCalls.Baoan);
        using var wf = await factory.ClientAsAsync(federation, "en");
        var wfCase = await wf.OpenAsync(new
        {
            channel = "hotline",
            summary = "热线求助：丈夫多次殴打",
            divisionCode = Community,
            parties = new object[] { new { role = "victim", name = "周燕", phone = TestIdentities.Mobile() }, new { role = "respondent", name = "孙刚", idNumber = respondentId } },
        });
        (await wf.GetAsync($"/api/v1/cases/{policeCase.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var history = await wf.JsonAsync($"/api/v1/cases/{wfCase.Id()}/history");
        var respondent = history.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "respondent");
        respondent.GetProperty("records").GetArrayLength().ShouldBe(0);
        respondent.GetProperty("elsewhere").GetProperty("total").GetInt32().ShouldBe(1);
        respondent.GetProperty("elsewhere").GetProperty("byKind").GetProperty("case").GetInt32().ShouldBe(1);
        respondent.GetProperty("linkedRecords").GetInt32().ShouldBe(1);
        history.ToString().ShouldNotContain(policeCase.GetProperty("number").GetString()!);
        history.ToString().ShouldNotContain("殴打", Case.Sensitive, "no content of the police case");

        // The district linkage centre sees both cases: the police case is a record it may open.
        using var centre = await factory.ClientAsAsync(factory.DistrictCentre(), "en");
        var full = await centre.JsonAsync($"/api/v1/cases/{wfCase.Id()}/history");
        var seen = full.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "respondent");
        seen.GetProperty("records")[0].GetProperty("id").GetGuid().ShouldBe(policeCase.Id());
        seen.GetProperty("records")[0].GetProperty("kind").GetString().ShouldBe("case");
        seen.GetProperty("elsewhere").GetProperty("total").GetInt32().ShouldBe(0);
        seen.GetProperty("incidentsLast12Months").GetInt32().ShouldBe(2);

        using var stranger = await factory.ClientAsAsync(factory.PoliceStation(IntakeCalls.Futian));
        (await stranger.GetAsync($"/api/v1/cases/{wfCase.Id()}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task SoundAlikeNames_AreSuggested_AndAMergeIsReversibleAndAudited()
    {
        var birth = TestIdentities.BirthDate().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var police = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        var earlier = await police.OpenAsync(new
        {
            channel = "police-110",
            summary = "出警",
            divisionCode = Community,
            parties = new[] { new { role = "respondent", name = "张伟", birthDate = birth, sex = "male" } },
        });
        var later = await police.OpenAsync(new
        {
            channel = "walk-in",
            summary = "来访",
            divisionCode = Community,
            parties = new[] { new { role = "respondent", name = "章伟", birthDate = birth } },
        });
        var party = later.GetProperty("intake").GetProperty("parties")[0];
        var earlierPerson = earlier.GetProperty("intake").GetProperty("parties")[0].GetProperty("personId").GetGuid();

        var suggestions = await police.JsonAsync($"/api/v1/cases/{later.Id()}/parties/{party.GetProperty("id").GetGuid()}/suggestions");
        var top = suggestions.GetProperty("suggestions")[0];
        top.GetProperty("personId").GetGuid().ShouldBe(earlierPerson);
        top.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("name.homophone");
        top.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("birth-date.same");
        top.GetProperty("score").GetDecimal().ShouldBe(0.8m);
        top.GetProperty("name").GetString().ShouldBe("张伟");

        var personId = party.GetProperty("personId").GetGuid();
        var merged = await (await police.PostAsJsonAsync($"/api/v1/persons/{personId}/merge", new { into = earlierPerson })).Content.ReadFromJsonAsync<JsonElement>();
        merged.GetProperty("decision").GetString().ShouldBe("confirm");
        var history = await police.JsonAsync($"/api/v1/cases/{later.Id()}/history");
        history.GetProperty("parties")[0].GetProperty("records")[0].GetProperty("id").GetGuid().ShouldBe(earlier.Id());
        (await police.JsonAsync($"/api/v1/cases/{later.Id()}/parties/{party.GetProperty("id").GetGuid()}/suggestions")).GetProperty("suggestions").GetArrayLength().ShouldBe(0);

        var unmerged = await police.PostAsync($"/api/v1/persons/{merged.GetProperty("unmergeRecordId").GetGuid()}/unmerge", null);
        unmerged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await police.JsonAsync($"/api/v1/cases/{later.Id()}/history")).GetProperty("parties")[0].GetProperty("records").GetArrayLength().ShouldBe(0);
        (await (await police.PostAsync($"/api/v1/persons/{personId}/unmerge", null)).ProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("person.not-merged");

        var kinds = (await police.JsonAsync($"/api/v1/cases/{earlier.Id()}/timeline")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldBe(["opened", "task-created", "person-merged", "person-unmerged"]);

        // Rejected: not suggested again.
        (await police.PostAsJsonAsync($"/api/v1/persons/{personId}/merge", new { into = earlierPerson, decision = "reject" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await police.JsonAsync($"/api/v1/persons/{personId}/suggestions")).GetProperty("suggestions").GetArrayLength().ShouldBe(0);
    }

    [ProviderFact]
    public async Task ARecordOutsideYourScope_IsNeverDescribedInSuggestions_NorMergedInto()
    {
        // Issue 12 finding 11: a caseworker in another district, with only a name, got a suggestion
        // with the birth date, sex and masked name of a victim outside their scope, and could merge into it.
        var birth = TestIdentities.BirthDate().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var police = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        using var stranger = await factory.ClientAsAsync(factory.PoliceStation(IntakeCalls.Futian), "en");
        var theirs = await police.OpenAsync(new
        {
            channel = "police-110",
            summary = "出警",
            divisionCode = Community,
            parties = new[] { new { role = "victim", name = "王秀英", birthDate = birth, sex = "female" } },
        });
        var theirPerson = theirs.GetProperty("intake").GetProperty("parties")[0].GetProperty("personId").GetGuid();
        var mine = await stranger.OpenAsync(new
        {
            channel = "walk-in",
            summary = "来访",
            divisionCode = factory.City.Agencies.First(a => a.Type == Lianhu.Domain.Organisation.AgencyType.CommunityWorkstation
                && a.Division.Value.StartsWith(factory.PoliceStation(IntakeCalls.Futian).Agency.Division.Value, StringComparison.Ordinal)).Division.Value,
            parties = new[] { new { role = "victim", name = "王秀英" } },
        });
        var party = mine.GetProperty("intake").GetProperty("parties")[0];

        var answer = await stranger.JsonAsync($"/api/v1/cases/{mine.Id()}/parties/{party.GetProperty("id").GetGuid()}/suggestions");
        answer.GetProperty("suggestions").GetArrayLength().ShouldBe(0);
        answer.GetProperty("otherMatches").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        answer.GetRawText().ShouldNotContain(birth);
        answer.GetRawText().ShouldNotContain(theirPerson.ToString());

        var merge = await stranger.PostAsJsonAsync($"/api/v1/persons/{party.GetProperty("personId").GetGuid()}/merge", new { into = theirPerson });
        (await merge.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("into").GetArrayLength().ShouldBe(1);
        (await police.JsonAsync($"/api/v1/cases/{theirs.Id()}/history")).GetProperty("parties")[0].GetProperty("records").GetArrayLength().ShouldBe(0);
    }

    [ProviderFact]
    public async Task PersonsOutsideYourScope_Are404()
    {
        using var police = await factory.ClientAsAsync(factory.PoliceStation());
        using var stranger = await factory.ClientAsAsync(factory.PoliceStation(IntakeCalls.Futian));
        var created = await police.OpenAsync(new { channel = "police-110", summary = "x", divisionCode = Community, parties = new[] { new { role = "victim", name = "吴霞" } } });
        var personId = created.GetProperty("intake").GetProperty("parties")[0].GetProperty("personId").GetGuid();

        (await stranger.GetAsync($"/api/v1/persons/{personId}/suggestions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/persons/{personId}/merge", new { into = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/v1/persons/{personId}/unmerge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/cases/{created.Id()}/timeline")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Timeline_ListsCreateEditsAndAlarms_ByAgency_InOrder()
    {
        using var police = await factory.ClientAsAsync(factory.PoliceStation());
        var created = await police.OpenAsync(new { channel = "police-110", summary = "时间线", divisionCode = Community, address = $"地址 {Guid.NewGuid():N}" });
        using var edit = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/cases/{created.Id()}") { Content = JsonContent.Create(new { occurredAt = "2026-01-01T08:00:00+08:00" }) };
        edit.Headers.IfMatch.ParseAdd("\"1\"");
        (await police.SendAsync(edit)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var centre = await factory.ClientAsAsync(factory.DistrictCentre());
        var entries = (await centre.JsonAsync($"/api/v1/cases/{created.Id()}/timeline")).EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["opened", "task-created", "edited"]);
        entries[2].GetProperty("detail").GetString().ShouldBe("occurredAt");
        entries.Where(e => e.GetProperty("kind").GetString() != "task-created").ShouldAllBe(e => e.GetProperty("agencyId").GetGuid() == factory.PoliceStation().Agency.Id);
        entries[1].GetProperty("detail").GetString().ShouldBe("return-visit");
        entries[1].GetProperty("at").GetDateTimeOffset().ShouldBe(entries[0].GetProperty("at").GetDateTimeOffset(), "the intake's own task, at the opening's instant");
        entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).ShouldBeInOrder();
    }

    [ProviderFact]
    public async Task OppositeMergesAtTheSameMoment_LinkOnce_AndLeaveOneCluster()
    {
        var birth = TestIdentities.BirthDate().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var police = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        async Task<Guid> PersonAsync(string name, string channel) =>
            (await police.OpenAsync(new { channel, summary = "并发合并", divisionCode = Community, parties = new[] { new { role = "respondent", name, birthDate = birth } } }))
                .GetProperty("intake").GetProperty("parties")[0].GetProperty("personId").GetGuid();
        // Both directions at once, several rounds over: exactly one link, never a cycle, and every
        // loser told 409 (a request that read a root just before the winner moved it must not 404).
        for (var round = 0; round < 6; round++)
        {
            var a = await PersonAsync("李娜", "police-110");
            var b = await PersonAsync("李娜", "walk-in");
            var answers = await Task.WhenAll(
                police.PostAsJsonAsync($"/api/v1/persons/{a}/merge", new { into = b }),
                police.PostAsJsonAsync($"/api/v1/persons/{b}/merge", new { into = a }),
                police.PostAsJsonAsync($"/api/v1/persons/{a}/merge", new { into = b }),
                police.PostAsJsonAsync($"/api/v1/persons/{b}/merge", new { into = a }));
            answers.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            answers.Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => r.StatusCode).ShouldAllBe(c => c == HttpStatusCode.Conflict);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Lianhu.Web.Data.LianhuDbContext>();
            var roots = await db.Persons.AsNoTracking().Where(p => p.Id == a || p.Id == b).Select(p => p.RootId).Distinct().ToListAsync();
            roots.Count.ShouldBe(1);
            (await db.Persons.AsNoTracking().SingleAsync(p => p.Id == roots[0])).RootId.ShouldBe(roots[0]);
            (await db.AuditEvents.CountAsync(e => e.Action == "person.merge" && (e.EntityId == a.ToString() || e.EntityId == b.ToString()))).ShouldBe(1);
        }
    }
}

public sealed class PersonIndexTests_Sqlite(SqliteFactory factory) : PersonIndexTests<SqliteFactory>(factory);

public sealed class PersonIndexTests_Postgres(PostgresFactory factory) : PersonIndexTests<PostgresFactory>(factory), IPostgresTests;
