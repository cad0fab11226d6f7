using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lianhu.Web.Tests.Features.Legal.LegalTestHelpers;

namespace Lianhu.Web.Tests.Features.Legal;

/// <summary>Warning letters (告诫书) through the real host on each database: content, deliveries, the visit clock, the repeat flag.</summary>
public abstract class WarningLetterApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private const string Abuser = "440306198501011238";
    private const string OtherAbuser = "440306199002154562";

    private static object Letter(string idNumber = Abuser, string victim = "李梅") => WarningLetter(idNumber, victim);

    private async Task<(HttpClient Police, Guid Case)> PoliceCaseAsync(string language = "en")
    {
        var police = await factory.ClientAsAsync(Station(factory), language);
        return (police, await OpenCaseAsync(police, Community(factory), "police-110"));
    }

    private static async Task<JsonElement> IssueAsync(HttpClient client, Guid caseId, object letter) =>
        await OkAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", letter), HttpStatusCode.Created);

    [ProviderFact]
    public async Task AnIncompleteLetter_IsRefused_NamingEachMissingPart()
    {
        var (police, caseId) = await PoliceCaseAsync();
        using var _ = police;

        var problem = await ProblemAsync(await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", new { respondentName = "王强", victimName = "李梅" }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("respondentIdNumber")[0].GetString()!.ShouldContain("identity");
        errors.GetProperty("facts")[0].GetString()!.ShouldContain("facts");
        errors.GetProperty("prohibition")[0].GetString()!.ShouldContain("prohibit");
        errors.TryGetProperty("respondentName", out var _).ShouldBeFalse();

        var badId = await ProblemAsync(await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", Letter("440306198501011234")), HttpStatusCode.BadRequest);
        badId.GetProperty("errors").GetProperty("respondentIdNumber")[0].GetString().ShouldBe("Is not a valid resident ID number.");
    }

    [ProviderFact]
    public async Task OnlyAPoliceAgencyIssues()
    {
        using var workstation = await factory.ClientAsAsync(Workstation(factory), "en");
        var caseId = await OpenCaseAsync(workstation, Community(factory));
        (await ProblemAsync(await workstation.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", Letter()), HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("legal.police-issue-only");

        using var stranger = await factory.ClientAsAsync(Stranger(factory));
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", Letter())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Issue_StartsTheVisitClock_RecordsDeliveries_AndTheVisitCompletesIt()
    {
        var (police, caseId) = await PoliceCaseAsync();
        using var _ = police;
        var letter = await IssueAsync(police, caseId, Letter(OtherAbuser, "赵敏"));
        var id = letter.GetProperty("id").GetGuid();

        letter.GetProperty("repeat").GetBoolean().ShouldBeFalse();
        letter.GetProperty("outstanding").EnumerateArray().Select(r => r.GetString()).ShouldBe(["respondent", "victim", "committee"]);
        var visit = ClockOf(letter, "warning-followup");
        visit.GetProperty("lastDay").GetString().ShouldBe(Day(ShanghaiTime.DayOf(factory.Clock.GetUtcNow()).AddDays(90)));
        visit.GetProperty("reading").GetString().ShouldBe("days-exclusive-start-no-rollover");

        await OkAsync(await police.PostAsJsonAsync($"/api/v1/warning-letters/{id}/deliveries", new { recipient = "respondent", method = "in-person" }));
        var delivered = await OkAsync(await police.PostAsJsonAsync($"/api/v1/warning-letters/{id}/deliveries", new { recipient = "committee", method = "electronic" }));
        delivered.GetProperty("outstanding").EnumerateArray().Select(r => r.GetString()).ShouldBe(["victim"]);
        (await ProblemAsync(await police.PostAsJsonAsync($"/api/v1/warning-letters/{id}/deliveries", new { recipient = "police", method = "post" }), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("warning-letter.recipient");

        using var stranger = await factory.ClientAsAsync(Stranger(factory));
        (await stranger.GetAsync($"/api/v1/warning-letters/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/warning-letters/{id}/deliveries", new { recipient = "victim", method = "post" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/warning-letters/{id}/visits", new { outcome = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The district centre reads the letter but only the issuing police records its steps.
        using var centre = await factory.ClientAsAsync(DistrictCentre(factory), "en");
        (await centre.GetAsync($"/api/v1/warning-letters/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ProblemAsync(await centre.PostAsJsonAsync($"/api/v1/warning-letters/{id}/visits", new { outcome = "x" }), HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("section.no-write"); // the centre reads the legal section; the gate refuses before the issuer rule

        var visited = await OkAsync(await police.PostAsJsonAsync($"/api/v1/warning-letters/{id}/visits", new { outcome = "社区民警与居委会入户查访，未再发生家暴" }));
        ClockOf(visited, "warning-followup").GetProperty("state").GetString().ShouldBe("completed");

        // The 110 case got the women's federation's next-day return visit by itself.
        var clocks = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/clocks");
        var returnVisit = clocks.EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "return-visit-after-110");
        returnVisit.GetProperty("lastDay").GetString().ShouldBe(Day(ShanghaiTime.DayOf(factory.Clock.GetUtcNow()).AddDays(1)));
        var owner = (await ClockTestHosts.ClockAsync(factory.Services, returnVisit.GetProperty("id").GetGuid())).OwnerAgencyId;
        owner.ShouldBe(factory.Account(Lianhu.Domain.Organisation.AgencyType.WomensFederation, Baoan).Agency.Id);
    }

    [ProviderFact]
    public async Task ASecondLetter_ToTheSameRespondent_InTheSameHousehold_FlagsTheCase()
    {
        var (police, caseId) = await PoliceCaseAsync();
        using var _ = police;
        (await IssueAsync(police, caseId, Letter())).GetProperty("repeat").GetBoolean().ShouldBeFalse();
        (await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/flags")).GetArrayLength().ShouldBe(0);

        var second = await IssueAsync(police, caseId, Letter());
        second.GetProperty("repeat").GetBoolean().ShouldBeTrue();
        second.GetProperty("priorLetters").GetInt32().ShouldBe(1);
        var flag = (await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/flags")).EnumerateArray().Single();
        flag.GetProperty("code").GetString().ShouldBe("repeat-warning");
        flag.GetProperty("count").GetInt32().ShouldBe(1);
        (await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/legal")).GetProperty("flags")[0].GetProperty("code").GetString().ShouldBe("repeat-warning");

        // A new case for the same family (same respondent, same victim — the name written with a space) is flagged too.
        var next = await OpenCaseAsync(police, Community(factory), "police-110");
        var third = await IssueAsync(police, next, Letter(Abuser, "李 梅"));
        third.GetProperty("priorLetters").GetInt32().ShouldBe(2);
        (await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{next}/flags"))[0].GetProperty("count").GetInt32().ShouldBe(2);

        // The same respondent in another household (another victim, another case) is not a repeat in that household.
        var other = await OpenCaseAsync(police, Community(factory), "police-110");
        (await IssueAsync(police, other, Letter(Abuser, "陈红"))).GetProperty("repeat").GetBoolean().ShouldBeFalse();

        // The ID number and names are sealed; the match key is a blind index, never the number.
        var stored = await ClockTestHosts.QueryAsync(factory.Services, db => db.Database.SqlQueryRaw<string>("SELECT \"RespondentIdNumber\" AS \"Value\" FROM warning_letters").ToListAsync());
        stored.ShouldAllBe(v => v.StartsWith("v1:", StringComparison.Ordinal));
    }
}

public sealed class WarningLetterApiTests_Sqlite(ClockSqliteFactory factory) : WarningLetterApiTests<ClockSqliteFactory>(factory);

public sealed class WarningLetterApiTests_Postgres(ClockPostgresFactory factory) : WarningLetterApiTests<ClockPostgresFactory>(factory), IPostgresTests;
