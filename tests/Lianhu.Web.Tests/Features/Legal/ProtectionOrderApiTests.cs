using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lianhu.Web.Tests.Features.Legal.LegalTestHelpers;

namespace Lianhu.Web.Tests.Features.Legal;

/// <summary>Protection orders through the real host on each database: filing, ruling, clocks, service, amendments, breaches, scope.</summary>
public abstract class ProtectionOrderApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private async Task<(HttpClient Lead, Guid Case, JsonElement Order)> FiledAsync(bool emergency = false, string language = "en")
    {
        var lead = await factory.ClientAsAsync(Workstation(factory), language);
        var caseId = await OpenCaseAsync(lead, Community(factory));
        var order = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Application(Court(factory).Agency.Id, emergency)), HttpStatusCode.Created);
        return (lead, caseId, order);
    }

    private async Task<JsonElement> StepAsync(HttpClient client, Guid order, string step, object body, HttpStatusCode status = HttpStatusCode.OK) =>
        await OkAsync(await client.PostAsJsonAsync($"/api/v1/protection-orders/{order}/{step}", body), status);

    [ProviderFact]
    public async Task File_WithoutTheArt27Conditions_IsRefused_NamingEachField()
    {
        using var lead = await factory.ClientAsAsync(Workstation(factory), "en");
        var caseId = await OpenCaseAsync(lead, Community(factory));

        var problem = await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", new
        {
            courtAgencyId = Court(factory).Agency.Id.ToString(),
            applicantType = "close-relative",
            applicantName = "李母",
            inabilityReason = "no-capacity",
            respondentRelation = "spouse",
            measures = new object[] { new { code = 255 } },
        }), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        errors.GetProperty("respondentName")[0].GetString()!.ShouldContain("Art 27(1)");
        errors.GetProperty("respondentIdNumber")[0].GetString()!.ShouldContain("ID number or an address");
        errors.GetProperty("measures")[0].GetString()!.ShouldContain("255");
        errors.GetProperty("ground")[0].GetString()!.ShouldContain("Art 27(3)");
        errors.GetProperty("facts")[0].GetString()!.ShouldContain("Art 27(3)");
        errors.GetProperty("victimName")[0].GetString().ShouldBe("This field is required.");
        errors.GetProperty("applicantRelation")[0].GetString().ShouldBe("This field is required.");

        var badId = await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", new { applicantType = "victim", applicantName = "李梅", respondentName = "王强", respondentIdNumber = "440306198501011234" }), HttpStatusCode.BadRequest);
        badId.GetProperty("errors").GetProperty("respondentIdNumber")[0].GetString().ShouldBe("Is not a valid resident ID number.");

        var notCourt = await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Application(Workstation(factory).Agency.Id)), HttpStatusCode.BadRequest);
        notCourt.GetProperty("errors").GetProperty("courtAgencyId")[0].GetString().ShouldBe("Is not an active court.");

        using var zh = await factory.ClientAsAsync(Workstation(factory), "zh-CN");
        var zhProblem = await ProblemAsync(await zh.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", new { applicantType = "victim", applicantName = "李梅" }), HttpStatusCode.BadRequest);
        zhProblem.GetProperty("errors").GetProperty("measures")[0].GetString()!.ShouldContain("第二十七条第二项");
    }

    [ProviderFact]
    public async Task Lifecycle_FiledAcceptedIssuedServedVerified_WithItsClocks()
    {
        var (lead, caseId, filed) = await FiledAsync(emergency: true);
        using var _ = lead;
        var id = filed.GetProperty("id").GetGuid();
        filed.GetProperty("status").GetString().ShouldBe("received");
        filed.GetProperty("requestedMeasures").EnumerateArray().Select(m => m.GetProperty("code").GetInt32()).ShouldBe([1, 4]);

        // Only the court rules.
        (await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/protection-orders/{id}/accept", new { }), HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("legal.court-only");

        // The court does not lead the case, yet sees the order it was filed with — and of the case only
        // its header with the legal section (a task holder limited to legal, ADR 0027): no summary, no parties.
        using var court = await factory.ClientAsAsync(Court(factory), "en");
        (await court.GetFromJsonAsync<JsonElement>("/api/v1/protection-orders")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ShouldContain(id);
        var header = await court.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        header.GetProperty("access").EnumerateObject().Select(p => p.Name).ShouldBe(["legal"]);
        header.GetProperty("summary").ValueKind.ShouldBe(JsonValueKind.Null);
        header.GetProperty("intake").ValueKind.ShouldBe(JsonValueKind.Null);

        var now = factory.Clock.GetUtcNow();
        var accepted = await StepAsync(court, id, "accept", new { });
        accepted.GetProperty("status").GetString().ShouldBe("accepted");
        var ruling = ClockOf(accepted, "po-ruling");
        ruling.GetProperty("emergency").GetBoolean().ShouldBeTrue();
        ruling.GetProperty("due").GetDateTimeOffset().ShouldBe(now.AddHours(24));
        ruling.GetProperty("source").GetString().ShouldBe("ADVL Art 28");

        var made = ShanghaiTime.DayOf(now);
        var tooLong = await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/issue", new
        {
            measures = new object[] { new { code = 1 } },
            validUntil = Day(made.AddMonths(6).AddDays(1)),
        }), HttpStatusCode.BadRequest);
        tooLong.GetProperty("errors").GetProperty("validUntil")[0].GetString()!.ShouldContain(Day(made.AddMonths(6)));

        var until = made.AddMonths(3).AddDays(-5);
        var issued = await StepAsync(court, id, "issue", new
        {
            measures = new object[] { new { code = 1 }, new { code = 5 }, new { code = 255, text = "禁止被申请人进入申请人工作单位" } },
            validUntil = Day(until),
        });
        issued.GetProperty("status").GetString().ShouldBe("issued");
        issued.GetProperty("inForce").GetBoolean().ShouldBeTrue();
        issued.GetProperty("validUntil").GetString().ShouldBe(Day(until));
        issued.GetProperty("orderedMeasures").EnumerateArray().Select(m => m.GetProperty("code").GetInt32()).ShouldBe([1, 5, 255]);
        ClockOf(issued, "po-ruling").GetProperty("state").GetString().ShouldBe("completed");
        var validity = ClockOf(issued, "po-validity");
        validity.GetProperty("lastDay").GetString().ShouldBe(Day(until));
        validity.GetProperty("reading").GetString().ShouldBe(ValidityClock.CourtStatedReading);
        validity.GetProperty("explanation").GetString()!.ShouldContain(Day(until));
        var station = Station(factory);
        issued.GetProperty("policeAgencyId").GetGuid().ShouldBe(station.Agency.Id);
        issued.GetProperty("services")[0].GetProperty("recipient").GetString().ShouldBe("police");
        var verification = ClockOf(issued, "po-police-verification");
        verification.GetProperty("due").GetDateTimeOffset().ShouldBe(now.AddHours(24));
        (await QueryAsync(db => db.Clocks.SingleAsync(c => c.Id == verification.GetProperty("id").GetGuid()))).OwnerAgencyId.ShouldBe(station.Agency.Id);

        var served = await StepAsync(court, id, "services", new { recipient = "committee", method = "in-person" });
        served.GetProperty("services").EnumerateArray().Last().GetProperty("recipientAgencyId").GetGuid()
            .ShouldBe(factory.Account(Lianhu.Domain.Organisation.AgencyType.ResidentsCommittee, Community(factory), Lianhu.Domain.Access.Role.Caseworker).Agency.Id);

        // The police it was sent to see the order and verify it; the court cannot verify for them.
        using var police = await factory.ClientAsAsync(station, "en");
        (await police.GetAsync($"/api/v1/protection-orders/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/police-verification", new { outcome = "x" }), HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("legal.police-only");
        var verified = await StepAsync(police, id, "police-verification", new { outcome = "已核实保护令并录入警务系统" });
        ClockOf(verified, "po-police-verification").GetProperty("state").GetString().ShouldBe("completed");
        (await ProblemAsync(await police.PostAsJsonAsync($"/api/v1/protection-orders/{id}/police-verification", new { outcome = "again" }), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("protection-order.no-verification-pending");

        // An illegal move is a 409.
        (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/accept", new { }), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("protection-order.already-issued");

        // Names, facts and measures' details are sealed at rest.
        var raw = await QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Facts\" AS \"Value\" FROM protection_orders WHERE \"Id\" = {0}", id).SingleAsync());
        raw.ShouldStartWith("v1:");
        var measureText = await QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Text\" AS \"Value\" FROM protection_order_measures WHERE \"Code\" = 255 AND \"OrderId\" = {0}", id).SingleAsync());
        measureText.ShouldStartWith("v1:");
    }

    [ProviderFact]
    public async Task Reject_CompletesTheRulingClock_AndStartsReconsideration()
    {
        var (lead, _, filed) = await FiledAsync();
        using var __ = lead;
        var id = filed.GetProperty("id").GetGuid();
        using var court = await factory.ClientAsAsync(Court(factory), "en");
        ClockOf(await StepAsync(court, id, "accept", new { }), "po-ruling").GetProperty("emergency").GetBoolean().ShouldBeFalse();

        (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/reject", new { reason = "" }), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("This field is required.");
        var rejected = await StepAsync(court, id, "reject", new { reason = "证据不足以证明存在家庭暴力现实危险" });

        rejected.GetProperty("status").GetString().ShouldBe("rejected");
        ClockOf(rejected, "po-ruling").GetProperty("state").GetString().ShouldBe("completed");
        var reconsideration = ClockOf(rejected, "po-reconsideration");
        reconsideration.GetProperty("state").GetString().ShouldBe("pending");
        DateOnly.Parse(reconsideration.GetProperty("lastDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(ShanghaiTime.DayOf(factory.Clock.GetUtcNow()).AddDays(5));
        (await QueryAsync(db => db.Clocks.SingleAsync(c => c.Id == reconsideration.GetProperty("id").GetGuid()))).OwnerAgencyId.ShouldBe(Workstation(factory).Agency.Id);
    }

    [ProviderFact]
    public async Task ExtendChangeRevoke_OnlyWhileInForce()
    {
        var (lead, _, filed) = await FiledAsync();
        using var __ = lead;
        var id = filed.GetProperty("id").GetGuid();
        using var court = await factory.ClientAsAsync(Court(factory), "en");
        await StepAsync(court, id, "accept", new { });
        var today = ShanghaiTime.DayOf(factory.Clock.GetUtcNow());
        await StepAsync(court, id, "issue", new { measures = new object[] { new { code = 1 } }, validUntil = Day(today.AddDays(3)) });

        var extended = await StepAsync(court, id, "extend", new { validUntil = Day(today.AddDays(40)), reason = "被申请人仍有威胁言行" });
        extended.GetProperty("validUntil").GetString().ShouldBe(Day(today.AddDays(40)));
        var validity = extended.GetProperty("clocks").EnumerateArray().Where(c => c.GetProperty("rule").GetString() == "po-validity").ToList();
        validity.Select(c => c.GetProperty("state").GetString()).Order().ShouldBe(["completed", "pending"]);
        validity.Single(c => c.GetProperty("state").GetString() == "pending").GetProperty("lastDay").GetString().ShouldBe(Day(today.AddDays(40)));

        var changed = await StepAsync(court, id, "change", new { measures = new object[] { new { code = 1 }, new { code = 3 } }, reason = "增加禁止跟踪" });
        changed.GetProperty("orderedMeasures").EnumerateArray().Select(m => m.GetProperty("code").GetInt32()).ShouldBe([1, 3]);
        changed.GetProperty("amendments").GetArrayLength().ShouldBe(2);

        // A breach report creates work for the court and the police, the police's guarded by a 24 h clock.
        var reported = await StepAsync(lead, id, "violations", new { details = "被申请人到申请人单位门口守候" });
        reported.GetProperty("violationCount").GetInt32().ShouldBe(1);
        var followUps = reported.GetProperty("followUps").EnumerateArray().ToList();
        followUps.Select(f => f.GetProperty("kind").GetString()).Order().ShouldBe(["po-violation-court", "po-violation-police"]);
        var policeWork = followUps.Single(f => f.GetProperty("kind").GetString() == "po-violation-police");
        policeWork.GetProperty("assigneeAgencyId").GetGuid().ShouldBe(Station(factory).Agency.Id);
        var workClock = await QueryAsync(db => db.Clocks.SingleAsync(c => c.Id == policeWork.GetProperty("clockId").GetGuid()));
        (workClock.RuleId, workClock.SubjectType).ShouldBe(("po-police-verification", "legal-followup"));
        (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/legal-followups/{policeWork.GetProperty("id").GetGuid()}/close", new { outcome = "x" }), HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("legal.assignee-only");
        using var police = await factory.ClientAsAsync(Station(factory), "en");
        var closed = await OkAsync(await police.PostAsJsonAsync($"/api/v1/legal-followups/{policeWork.GetProperty("id").GetGuid()}/close", new { outcome = "出警，已训诫被申请人" }));
        closed.GetProperty("status").GetString().ShouldBe("done");
        (await QueryAsync(db => db.Clocks.SingleAsync(c => c.Id == workClock.Id))).State.ShouldBe(ClockState.Completed);

        var revoked = await StepAsync(court, id, "revoke", new { reason = "申请人申请撤销" });
        revoked.GetProperty("status").GetString().ShouldBe("revoked");
        revoked.GetProperty("inForce").GetBoolean().ShouldBeFalse();
        revoked.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "po-validity" && c.GetProperty("state").GetString() != "completed")
            .GetProperty("state").GetString().ShouldBe("cancelled");
        (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/extend", new { validUntil = Day(today.AddDays(60)), reason = "x" }), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("protection-order.already-revoked");
    }

    [ProviderFact]
    public async Task AfterExpiry_ExtendChangeRevokeAndBreachReports_Are409()
    {
        var (lead, _, filed) = await FiledAsync();
        using var __ = lead;
        var id = filed.GetProperty("id").GetGuid();
        using var court = await factory.ClientAsAsync(Court(factory), "en");
        await StepAsync(court, id, "accept", new { });
        var today = ShanghaiTime.DayOf(factory.Clock.GetUtcNow());
        await StepAsync(court, id, "issue", new { measures = new object[] { new { code = 1 } }, validUntil = Day(today) });

        factory.Clock.Advance(TimeSpan.FromDays(2));

        var read = await court.GetFromJsonAsync<JsonElement>($"/api/v1/protection-orders/{id}");
        read.GetProperty("inForce").GetBoolean().ShouldBeFalse();
        foreach (var (step, body) in new (string, object)[]
        {
            ("extend", new { validUntil = Day(today.AddDays(30)), reason = "x" }),
            ("change", new { measures = new object[] { new { code = 2 } }, reason = "x" }),
            ("revoke", new { reason = "x" }),
        })
        {
            (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/{step}", body), HttpStatusCode.Conflict))
                .GetProperty("code").GetString().ShouldBe("protection-order.expired");
        }

        (await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/protection-orders/{id}/violations", new { details = "x" }), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("protection-order.expired");
    }

    [ProviderFact]
    public async Task OutsideTheCallersStanding_EveryOrderEndpointAnswers404()
    {
        var (lead, caseId, filed) = await FiledAsync();
        using var __ = lead;
        var id = filed.GetProperty("id").GetGuid();
        using var stranger = await factory.ClientAsAsync(Stranger(factory));

        (await stranger.GetAsync($"/api/v1/protection-orders/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/protection-orders/{id}/application.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/cases/{caseId}/legal")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Application(Court(factory).Agency.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var step in new[] { "accept", "issue", "reject", "extend", "change", "revoke", "services", "police-verification", "violations" })
        {
            (await stranger.PostAsJsonAsync($"/api/v1/protection-orders/{id}/{step}", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound, step);
        }

        // The district centre supervises the community: it reads the legal section but may not file.
        using var centre = await factory.ClientAsAsync(DistrictCentre(factory));
        (await centre.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/legal")).GetProperty("protectionOrders").GetArrayLength().ShouldBe(1);
        (await ProblemAsync(await centre.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Application(Court(factory).Agency.Id)), HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("section.no-write");
    }

    private async Task<T> QueryAsync<T>(Func<Lianhu.Web.Data.LianhuDbContext, Task<T>> query) => await ClockTestHosts.QueryAsync(factory.Services, query);
}

public sealed class ProtectionOrderApiTests_Sqlite(ClockSqliteFactory factory) : ProtectionOrderApiTests<ClockSqliteFactory>(factory);

public sealed class ProtectionOrderApiTests_Postgres(ClockPostgresFactory factory) : ProtectionOrderApiTests<ClockPostgresFactory>(factory), IPostgresTests;
