using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>Intake content through the API: what is recorded, how each invalid field is named, and who may use which channel.</summary>
public abstract class IntakeApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task FullIntake_RecordsEveryPart_AndReadsBack()
    {
        var station = factory.PoliceStation();
        using var client = await factory.ClientAsAsync(station, "en");
        var birth = TestIdentities.BirthDate();
        var victimId = TestIdentities.IdNumber(birth, female: true);
        var (legacy, upgraded) = TestIdentities.Legacy(new DateOnly(1970, 6, 15));
        var phone = TestIdentities.Mobile();
        var created = await client.OpenAsync(new
        {
            channel = "police-110",
            summary = "夜间争吵，女方手臂有淤青",
            divisionCode = factory.CommunityOf(station),
            occurredAt = "2026-01-10T21:30:00+08:00",
            address = "宝安区新安街道某小区 3 栋 1201",
            parties = new object[]
            {
                new { role = "victim", name = "王芳", idNumber = victimId, phone },
                new { role = "respondent", name = "李强", idNumber = legacy },
                new { role = "child", name = "李小明", birthDate = "2016-03-02", sex = "male" },
                new { role = "witness", name = "Chen Jing", phone = "+86 755 8888 1234" },
            },
            relationship = "spouse",
            violenceForms = new[] { "physical", "psychological" },
            injuries = "bruises on both arms",
            weapons = false,
            childrenPresent = true,
            needs = new[] { "shelter", "protection-order" },
            consentGiven = true,
        });

        var read = await client.JsonAsync($"/api/v1/cases/{created.Id()}");
        var intake = read.GetProperty("intake");
        intake.GetProperty("address").GetString().ShouldBe("宝安区新安街道某小区 3 栋 1201");
        intake.GetProperty("occurredAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2026-01-10T13:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        intake.GetProperty("relationship").GetString().ShouldBe("spouse");
        intake.GetProperty("violenceForms").EnumerateArray().Select(v => v.GetString()).ShouldBe(["physical", "psychological"]);
        intake.GetProperty("injuries").GetProperty("present").GetBoolean().ShouldBeTrue();
        intake.GetProperty("injuries").GetProperty("details").GetString().ShouldBe("bruises on both arms");
        intake.GetProperty("weapons").GetProperty("present").GetBoolean().ShouldBeFalse();
        intake.GetProperty("childrenPresent").GetBoolean().ShouldBeTrue();
        intake.GetProperty("needs").EnumerateArray().Select(v => v.GetString()).ShouldBe(["shelter", "protection-order"]);
        intake.GetProperty("consentGiven").GetBoolean().ShouldBeTrue();

        var parties = intake.GetProperty("parties").EnumerateArray().ToList();
        parties.Select(p => p.GetProperty("role").GetString()).ShouldBe(["victim", "respondent", "child", "witness"]);
        parties[0].GetProperty("idNumber").GetString().ShouldBe(victimId);
        parties[0].GetProperty("phone").GetString().ShouldBe("+86" + phone);
        parties[0].GetProperty("birthDate").GetString().ShouldBe(birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        parties[0].GetProperty("sex").GetString().ShouldBe("female");
        parties[1].GetProperty("idNumber").GetString().ShouldBe(upgraded, "a legacy 15-digit number is kept in its 18-digit form");
        parties[1].GetProperty("birthDate").GetString().ShouldBe("1970-06-15");
        parties[2].GetProperty("birthDate").GetString().ShouldBe("2016-03-02");
        parties[3].GetProperty("phone").GetString().ShouldBe("+8675588881234");
        read.GetProperty("leadAgencyId").GetGuid().ShouldBe(station.Agency.Id);
        created.GetProperty("attachedToExisting").GetBoolean().ShouldBeFalse();
    }

    [ProviderFact]
    public async Task InvalidIdNumbersAndPhones_AreNamedPerParty_WithTheReason_InTheCallersLanguage()
    {
        var station = factory.PoliceStation();
        using var en = await factory.ClientAsAsync(station, "en");
        using var zh = await factory.ClientAsAsync(station, "zh-CN");
        var (wrong, expected) = TestIdentities.WithWrongCheck(TestIdentities.IdNumber(TestIdentities.BirthDate()));
        var body = new
        {
            channel = "police-110",
            summary = "x",
            divisionCode = factory.CommunityOf(station),
            parties = new object[]
            {
                new { role = "victim", name = "王芳", phone = "12345" },
                new { role = "respondent", name = "李强", idNumber = wrong },
                new { role = "child", name = "李小明", idNumber = "71010119900101123X" },
                new { role = "other-family", name = "李母", idNumber = "11010519991332002X" },
                new { role = "cousin", name = "某人" },
                new { role = "witness" },
            },
            violenceForms = new[] { "physical", "shouting" },
        };

        var problem = await (await en.IntakeAsync(body)).ProblemAsync();
        problem.Error("parties[0].phone").ShouldContain("wrong number of digits");
        problem.Error("parties[1].idNumber").ShouldBe($"Wrong check digit: expected {expected}.");
        problem.Error("parties[2].idNumber").ShouldContain("province");
        problem.Error("parties[3].idNumber").ShouldContain("birth date");
        problem.Error("parties[4].role").ShouldContain("victim, respondent");
        problem.Error("parties[5].name").ShouldContain("name, an ID number or a phone number");
        problem.Error("violenceForms[1]").ShouldContain("stalking-harassment");

        var zhProblem = await (await zh.IntakeAsync(body)).ProblemAsync();
        zhProblem.Error("parties[1].idNumber").ShouldBe($"校验码错误：应为 {expected}。");
    }

    [ProviderFact]
    public async Task BirthDateOrSex_ContradictingTheIdNumber_IsRefused()
    {
        var station = factory.PoliceStation();
        using var client = await factory.ClientAsAsync(station, "en");
        var id = TestIdentities.IdNumber(new DateOnly(1988, 2, 29), female: true);
        var problem = await (await client.IntakeAsync(new
        {
            channel = "police-110",
            summary = "x",
            divisionCode = factory.CommunityOf(station),
            parties = new[] { new { role = "victim", name = "王芳", idNumber = id, birthDate = "1988-03-01", sex = "male" } },
        })).ProblemAsync();
        problem.Error("parties[0].birthDate").ShouldContain("1988-02-29");
        problem.Error("parties[0].sex").ShouldContain("female");
    }

    [ProviderFact]
    public async Task ChannelPolicy_DecidesWhoMayReceiveWhat()
    {
        using var hospitalReporter = await factory.ClientAsAsync(factory.Account(AgencyType.Hospital, IntakeCalls.Baoan, Role.Reporter), "en");
        using var court = await factory.ClientAsAsync(factory.Account(AgencyType.Court, IntakeCalls.Baoan), "en");
        var community = factory.CommunityOf(factory.PoliceStation());

        var reporterProblem = await (await hospitalReporter.IntakeAsync(new { channel = "walk-in", summary = "x", divisionCode = community })).ProblemAsync();
        reporterProblem.Error("channel").ShouldContain("mandatory reports only");
        var courtProblem = await (await court.IntakeAsync(new { channel = "police-110", summary = "x", divisionCode = community })).ProblemAsync();
        courtProblem.Error("channel").ShouldContain("police-station");

        (await court.IntakeAsync(new { channel = "walk-in", summary = "当事人到法院咨询", divisionCode = community })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task UnreadableValues_AreA400_NotA500()
    {
        using var client = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        var response = await client.IntakeAsync(new { channel = "police-110", summary = "x", divisionCode = "440306001001", parties = "none" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class IntakeApiTests_Sqlite(SqliteFactory factory) : IntakeApiTests<SqliteFactory>(factory);

public sealed class IntakeApiTests_Postgres(PostgresFactory factory) : IntakeApiTests<PostgresFactory>(factory), IPostgresTests;
