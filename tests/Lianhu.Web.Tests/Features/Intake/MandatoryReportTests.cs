using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>ADVL Art 14: a mandatory report reaches the police; the reporter sees only a receipt and the status; others see only the kind of institution.</summary>
public abstract class MandatoryReportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccountPair School()
    {
        var reporter = factory.Account(AgencyType.School, IntakeCalls.Baoan, Role.Reporter);
        var town = reporter.Agency.Division.Value;
        var station = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.PoliceStation && a.Agency.Division.Value == town && a.Role == Role.Caseworker);
        var community = factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(town, StringComparison.Ordinal)).Division.Value;
        return new DemoAccountPair(reporter, station, community);
    }

    private sealed record DemoAccountPair(Web.Features.Demo.DemoAccount Reporter, Web.Features.Demo.DemoAccount Station, string Community);

    private async Task<JsonElement> FileAsync(HttpClient reporter, string community, string teacher)
    {
        var response = await reporter.IntakeAsync(new
        {
            channel = "mandatory-report",
            summary = "学生身上多处新旧伤痕，自述被父亲打",
            divisionCode = community,
            parties = new object[]
            {
                new { role = "victim", name = "陈小雨", birthDate = "2015-09-01", sex = "female" },
                new { role = "respondent", name = "陈建国" },
                new { role = "reporter", name = teacher, phone = TestIdentities.Mobile() },
            },
            violenceForms = new[] { "physical" },
        });
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, receipt.ToString());
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/reports/{receipt.Id()}");
        return receipt;
    }

    [ProviderFact]
    public async Task Reporter_GetsAReceipt_AndSeesOnlyReceiptAndStatus()
    {
        var (reporterAccount, station, community) = School();
        using var reporter = await factory.ClientAsAsync(reporterAccount, "en");
        var receipt = await FileAsync(reporter, community, "林老师");

        receipt.GetProperty("number").GetString().ShouldNotBeNullOrEmpty();
        receipt.GetProperty("status").GetString().ShouldBe("open");
        receipt.GetProperty("receivedBy").GetString().ShouldBe(station.Agency.Name);
        receipt.GetProperty("reporterInstitution").GetString().ShouldBe("school");
        receipt.TryGetProperty("summary", out _).ShouldBeFalse();
        receipt.TryGetProperty("intake", out _).ShouldBeFalse();

        (await reporter.GetAsync($"/api/v1/cases/{receipt.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reporter.GetAsync($"/api/v1/cases/{receipt.Id()}/timeline")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reporter.GetAsync($"/api/v1/cases/{receipt.Id()}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reporter.JsonAsync("/api/v1/cases")).GetProperty("total").GetInt32().ShouldBe(0);
        var mine = (await reporter.JsonAsync("/api/v1/reports")).EnumerateArray().ToList();
        mine.ShouldContain(r => r.Id() == receipt.Id() && r.GetProperty("status").GetString() == "open");
        (await reporter.JsonAsync($"/api/v1/reports/{receipt.Id()}")).GetProperty("number").GetString().ShouldBe(receipt.GetProperty("number").GetString());

        using var otherReporter = await factory.ClientAsAsync(factory.Account(AgencyType.Hospital, IntakeCalls.Baoan, Role.Reporter));
        (await otherReporter.GetAsync($"/api/v1/reports/{receipt.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task TheNearestPoliceStationLeads_AndOnlyItKnowsWhichInstitutionReported()
    {
        var (reporterAccount, station, community) = School();
        using var reporter = await factory.ClientAsAsync(reporterAccount);
        var receipt = await FileAsync(reporter, community, "黄老师");

        using var police = await factory.ClientAsAsync(station);
        var lead = await police.JsonAsync($"/api/v1/cases/{receipt.Id()}");
        lead.GetProperty("leadAgencyId").GetGuid().ShouldBe(station.Agency.Id);
        lead.GetProperty("channel").GetString().ShouldBe("mandatory-report");
        lead.GetProperty("intake").GetProperty("reporter").GetProperty("institutionType").GetString().ShouldBe("school");
        lead.GetProperty("intake").GetProperty("reporter").GetProperty("agencyName").GetString().ShouldBe(reporterAccount.Agency.Name);
        lead.GetProperty("intake").GetProperty("parties").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "黄老师");

        using var centre = await factory.ClientAsAsync(factory.DistrictCentre());
        var other = await centre.JsonAsync($"/api/v1/cases/{receipt.Id()}");
        var reporterInfo = other.GetProperty("intake").GetProperty("reporter");
        reporterInfo.GetProperty("institutionType").GetString().ShouldBe("school");
        reporterInfo.GetProperty("agencyName").ValueKind.ShouldBe(JsonValueKind.Null);
        var hidden = other.GetProperty("intake").GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "reporter");
        hidden.GetProperty("name").ValueKind.ShouldBe(JsonValueKind.Null);
        hidden.GetProperty("phone").ValueKind.ShouldBe(JsonValueKind.Null);
        hidden.GetProperty("confidential").GetBoolean().ShouldBeTrue();
        other.ToString().ShouldNotContain("黄老师");
        other.ToString().ShouldNotContain(reporterAccount.Agency.Name);
        (await centre.JsonAsync($"/api/v1/cases/{receipt.Id()}/timeline")).ToString().ShouldNotContain(reporterAccount.Agency.Name);
    }

    [ProviderFact]
    public async Task WithNoStationInTheTown_TheDistrictBureauReceivesTheReport_NotTheCitys()
    {
        // Issue 12 finding 15: the city (440300) and the district (440306) have codes of equal length,
        // and the tie used to go to the smaller id — a city bureau registered before the district's
        // took the school's report. The nearest tier wins (ADR 0025).
        var stationTowns = factory.City.Agencies.Where(a => a.Type == AgencyType.PoliceStation).Select(a => a.Division).ToHashSet();
        var community = factory.City.AllDivisions.Select(d => d.Code)
            .First(c => c.Tier == Tier.Community && c.Value.StartsWith(IntakeCalls.Baoan, StringComparison.Ordinal) && !stationTowns.Contains(c.Parent!.Value));
        using (var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin)))
        {
            // A second city bureau, registered now: its time-ordered id is smaller than every seeded one.
            (await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "深圳市公安局指挥中心", type = "police-bureau", divisionCode = "440300" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var reporter = await factory.ClientAsAsync(School().Reporter);
        var receipt = await FileAsync(reporter, community.Value, "周老师");

        var bureau = factory.Account(AgencyType.PoliceBureau, IntakeCalls.Baoan);
        receipt.GetProperty("receivedBy").GetString().ShouldBe(bureau.Agency.Name);
        using var police = await factory.ClientAsAsync(bureau);
        (await police.JsonAsync($"/api/v1/cases/{receipt.Id()}")).GetProperty("leadAgencyId").GetGuid().ShouldBe(bureau.Agency.Id);
    }

    [ProviderFact]
    public async Task PoliceRecordingAReport_NameTheKindOfInstitution()
    {
        var (_, station, community) = School();
        using var police = await factory.ClientAsAsync(station, "en");
        var missing = await (await police.IntakeAsync(new { channel = "mandatory-report", summary = "医院电话报告", divisionCode = community })).ProblemAsync();
        missing.Error("reporterInstitution").ShouldBe("This field is required.");

        // Whether Art 14 applies turns on the victim's capacity: without a birth date it must be stated (issue 15).
        var noCapacity = await (await police.IntakeAsync(new { channel = "mandatory-report", summary = "医院电话报告", divisionCode = community, reporterInstitution = "hospital" })).ProblemAsync();
        noCapacity.Error("victimCapacity").ShouldContain("ADVL Art 14");

        var created = await police.OpenAsync(new
        {
            channel = "mandatory-report",
            summary = "医院电话报告",
            divisionCode = community,
            reporterInstitution = "hospital",
            victimCapacity = "limited",
            capacityBasis = "as-observed",
        });
        created.GetProperty("intake").GetProperty("reporter").GetProperty("institutionType").GetString().ShouldBe("hospital");
        created.GetProperty("intake").GetProperty("reporter").GetProperty("kind").GetString().ShouldBe("mandatory");
        created.GetProperty("leadAgencyId").GetGuid().ShouldBe(station.Agency.Id);
    }

    // ---- Issue 15 item 1: mandatory report or referral, by the victim's civil capacity (ADVL Art 14; Civil Code Arts 17–22) ----

    private DemoAccountPair Hospital()
    {
        var reporter = factory.Account(AgencyType.Hospital, IntakeCalls.Baoan, Role.Reporter);
        var school = School();
        return new DemoAccountPair(reporter, school.Station, school.Community);
    }

    private static string BornYearsAgo(int years) => DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object HospitalReport(string community, int victimAge, bool? seal = null) => new
    {
        channel = "mandatory-report",
        summary = "急诊接诊：面部及手臂多处挫伤，自述被家人殴打",
        divisionCode = community,
        parties = new object[]
        {
            new { role = "victim", name = "周丽", birthDate = BornYearsAgo(victimAge), sex = "female" },
            new { role = "reporter", name = "急诊科王医生", phone = TestIdentities.Mobile() },
        },
        sealReporter = seal,
    };

    [ProviderFact]
    public async Task AHospitalsReportAboutA35YearOld_IsAReferral_NotAMandatoryReport_AndIsSealedOnlyOnRequest()
    {
        var (hospitalAccount, station, community) = Hospital();
        using var hospital = await factory.ClientAsAsync(hospitalAccount, "en");

        var response = await hospital.IntakeAsync(HospitalReport(community, 35));
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, receipt.ToString());
        receipt.GetProperty("kind").GetString().ShouldBe("referral");
        receipt.GetProperty("reporterSealed").GetBoolean().ShouldBeFalse();
        receipt.GetProperty("basis").GetArrayLength().ShouldBe(0);

        using var police = await factory.ClientAsAsync(station, "en");
        var seen = await police.JsonAsync($"/api/v1/cases/{receipt.Id()}");
        var reporter = seen.GetProperty("intake").GetProperty("reporter");
        reporter.GetProperty("kind").GetString().ShouldBe("referral");
        reporter.GetProperty("confidential").GetBoolean().ShouldBeFalse();
        seen.GetProperty("intake").GetProperty("victimCapacity").GetString().ShouldBe("full");

        var sealedReceipt = await (await hospital.IntakeAsync(HospitalReport(community, 35, seal: true))).Content.ReadFromJsonAsync<JsonElement>();
        sealedReceipt.GetProperty("kind").GetString().ShouldBe("referral");
        sealedReceipt.GetProperty("reporterSealed").GetBoolean().ShouldBeTrue();
    }

    [ProviderFact]
    public async Task AHospitalsReportAboutA7YearOld_IsMandatory_ToThePolice_WithTheReporterSealed()
    {
        var (hospitalAccount, station, community) = Hospital();
        using var hospital = await factory.ClientAsAsync(hospitalAccount, "en");

        var response = await hospital.IntakeAsync(HospitalReport(community, 7));
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, receipt.ToString());
        receipt.GetProperty("kind").GetString().ShouldBe("mandatory");
        receipt.GetProperty("reporterSealed").GetBoolean().ShouldBeTrue();
        receipt.GetProperty("receivedBy").GetString().ShouldBe(station.Agency.Name);
        receipt.GetProperty("basis").EnumerateArray().Select(b => b.GetString()).ShouldContain(b => b!.Contains("Art 14", StringComparison.Ordinal));

        using var police = await factory.ClientAsAsync(station, "en");
        var seen = await police.JsonAsync($"/api/v1/cases/{receipt.Id()}");
        seen.GetProperty("leadAgencyId").GetGuid().ShouldBe(station.Agency.Id);
        seen.GetProperty("intake").GetProperty("victimCapacity").GetString().ShouldBe("none");
        seen.GetProperty("intake").GetProperty("capacityBasis").GetString().ShouldBe("age");
        seen.GetProperty("intake").GetProperty("reporter").GetProperty("confidential").GetBoolean().ShouldBeTrue();

        // A stated capacity the age contradicts is refused (Civil Code Art 20: under 8, none).
        var contradicted = await (await hospital.IntakeAsync(new
        {
            channel = "mandatory-report",
            summary = "x",
            divisionCode = community,
            parties = new object[] { new { role = "victim", name = "周小丽", birthDate = BornYearsAgo(7) } },
            victimCapacity = "full",
        })).ProblemAsync();
        contradicted.Error("victimCapacity").ShouldContain("Civil Code");
    }

    [ProviderFact]
    public async Task AnEmployer_IsNotUnderTheReportingDuty()
    {
        var (_, station, community) = School();
        using var police = await factory.ClientAsAsync(station, "en");
        var problem = await (await police.IntakeAsync(new
        {
            channel = "mandatory-report",
            summary = "用人单位来电反映员工疑似遭受家暴",
            divisionCode = community,
            reporterInstitution = "employer",
            victimCapacity = "none",
            capacityBasis = "as-observed",
        })).ProblemAsync();
        problem.Error("reporterInstitution").ShouldContain("ADVL Art 14");
    }
}

public sealed class MandatoryReportTests_Sqlite(SqliteFactory factory) : MandatoryReportTests<SqliteFactory>(factory);

public sealed class MandatoryReportTests_Postgres(PostgresFactory factory) : MandatoryReportTests<PostgresFactory>(factory), IPostgresTests;
