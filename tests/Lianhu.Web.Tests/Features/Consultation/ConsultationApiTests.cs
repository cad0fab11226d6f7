using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Consultation;

/// <summary>
/// Issue 16 item 4 through the API on both databases: she asks without signing in and nothing is
/// kept; danger words put 110 first; below the threshold a person is offered; a hand-off is kept only
/// with her agreement, reaches the women's federation's queue (and no one else's), is answered there
/// and read by receipt; administrators edit an answer and the assistant uses it.
/// </summary>
public abstract class ConsultationApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [ProviderFact]
    public async Task She_asks_without_signing_in_and_nothing_she_typed_is_kept()
    {
        using var anonymous = factory.CreateClient();
        var marker = $"楼下小卖部{Random.Shared.Next(100000, 999999)}";

        var response = await anonymous.PostAsJsonAsync("/api/v1/help/ask", new { question = $"怎么申请人身安全保护令，我住在{marker}旁边", language = "zh-CN" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        reply.GetProperty("danger").GetBoolean().ShouldBeFalse();
        reply.GetProperty("answer").GetProperty("id").GetString().ShouldBe("protection-order-how");
        reply.GetProperty("answer").GetProperty("text").GetString()!.ShouldContain("72 小时");
        reply.GetProperty("answer").GetProperty("sources").GetString()!.ShouldContain("反家庭暴力法");
        reply.GetProperty("offerPerson").GetBoolean().ShouldBeFalse();
        (await DatabaseText.AllAsync(factory)).ShouldNotContain(marker);
    }

    [ProviderFact]
    public async Task Danger_words_put_110_and_the_emergency_steps_first()
    {
        using var anonymous = factory.CreateClient();

        var reply = await (await anonymous.PostAsJsonAsync("/api/v1/help/ask", new { question = "He grabbed my neck and said he is going to kill me", language = "en" })).Content.ReadFromJsonAsync<JsonElement>();

        reply.GetProperty("danger").GetBoolean().ShouldBeTrue();
        reply.GetProperty("emergency")[0].GetString()!.ShouldContain("110");
    }

    [ProviderFact]
    public async Task A_question_no_answer_covers_offers_a_person_and_what_she_may_have_meant()
    {
        using var anonymous = factory.CreateClient();

        var reply = await (await anonymous.PostAsJsonAsync("/api/v1/help/ask", new { question = "我老公的车坏了去哪里修", language = "zh-CN" })).Content.ReadFromJsonAsync<JsonElement>();

        reply.GetProperty("answer").ValueKind.ShouldBe(JsonValueKind.Null);
        reply.GetProperty("offerPerson").GetBoolean().ShouldBeTrue();
    }

    [ProviderFact]
    public async Task An_empty_or_overlong_question_is_a_clear_error_in_her_language()
    {
        using var anonymous = factory.CreateClient();

        (await (await anonymous.PostAsJsonAsync("/api/v1/help/ask", new { question = "  " })).ProblemAsync()).Error("question").ShouldContain("请输入");
        (await (await anonymous.PostAsJsonAsync("/api/v1/help/ask", new { question = new string('问', 501), language = "en" })).ProblemAsync()).Error("question").ShouldContain("500");
    }

    [ProviderFact]
    public async Task A_hand_off_needs_her_agreement_reaches_only_the_federation_and_its_answer_is_read_by_receipt()
    {
        using var anonymous = factory.CreateClient();
        var token = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/help/form-token")).GetProperty("token").GetString();
        var question = $"我想离婚但是孩子怎么办{Random.Shared.Next(1000, 9999)}";
        await Task.Delay(TimeSpan.FromSeconds(3.2)); // a person reads and types: a form sent sooner is refused

        var refused = await anonymous.PostAsJsonAsync("/api/v1/help/consultations", new { question, place = "440306", agree = false, formToken = token });
        (await refused.ProblemAsync()).Error("agree").ShouldNotBeNullOrEmpty();

        var created = await anonymous.PostAsJsonAsync("/api/v1/help/consultations", new { question, place = "440306", agree = true, formToken = token });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var receipt = await created.Content.ReadFromJsonAsync<JsonElement>();
        var code = receipt.GetProperty("receipt").GetString()!;
        var secret = receipt.GetProperty("secret").GetString()!;

        // The same form again creates nothing and reveals nothing.
        var replay = await anonymous.PostAsJsonAsync("/api/v1/help/consultations", new { question, place = "440306", agree = true, formToken = token });
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadAsStringAsync()).ShouldNotContain(code);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            (await db.ConsultationRequests.CountAsync(r => r.ReceiptCode == code)).ShouldBe(1);
        }

        (await DatabaseText.AllAsync(factory)).ShouldNotContain(question); // kept encrypted

        // Waiting until answered; a wrong secret is the same generic miss as an unknown receipt.
        (await (await anonymous.PostAsJsonAsync("/api/v1/help/consultations/reply", new { receipt = code, secret })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("waiting");
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/help/consultations/reply", new { receipt = code, secret = "22222-22222" });
        var unknown = await anonymous.PostAsJsonAsync("/api/v1/help/consultations/reply", new { receipt = "ZZZZZZZZ", secret });
        wrong.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (wrongBody, unknownBody) = (await wrong.Content.ReadFromJsonAsync<JsonElement>(), await unknown.Content.ReadFromJsonAsync<JsonElement>());
        wrongBody.GetProperty("detail").GetString().ShouldBe(unknownBody.GetProperty("detail").GetString());
        wrongBody.GetProperty("title").GetString().ShouldBe(unknownBody.GetProperty("title").GetString());

        // Baoan's women's federation sees it; Futian's, a police station and an administrator do not.
        var baoan = factory.Account(AgencyType.WomensFederation, "440306");
        using var hotline = await factory.ClientAsAsync(baoan);
        var queue = await hotline.GetFromJsonAsync<JsonElement>("/api/v1/consultations");
        var mine = queue.EnumerateArray().Single(q => q.GetProperty("question").GetString() == question);
        var id = mine.GetProperty("id").GetGuid();
        using var futian = await factory.ClientAsAsync(factory.Account(AgencyType.WomensFederation, "440304"));
        (await futian.GetFromJsonAsync<JsonElement>("/api/v1/consultations")).EnumerateArray().ShouldNotContain(q => q.GetProperty("id").GetGuid() == id);
        (await futian.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "越权回复" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var station = await factory.ClientAsAsync(factory.PoliceStation());
        (await station.GetAsync("/api/v1/consultations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await station.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "越权回复" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await (await hotline.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = " " })).ProblemAsync()).Error("answer").ShouldNotBeNullOrEmpty();
        (await hotline.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "孩子的抚养由法院根据孩子的利益决定，家暴事实会被考虑。可以拨打12348咨询法律援助。" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var read = await (await anonymous.PostAsJsonAsync("/api/v1/help/consultations/reply", new { receipt = code.ToLowerInvariant(), secret = secret.Replace("-", " ", StringComparison.Ordinal) })).Content.ReadFromJsonAsync<JsonElement>();
        read.GetProperty("status").GetString().ShouldBe("answered");
        read.GetProperty("answer").GetString()!.ShouldContain("12348");
    }

    [ProviderFact]
    public async Task An_administrator_edits_an_answer_and_the_assistant_gives_the_new_one()
    {
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin));
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/v1/consultation/answers/hotlines");
        var version = current.GetProperty("version").GetInt32();
        var edited = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.GetRawText(), Web)!;
        var body = new Dictionary<string, object?>
        {
            ["title"] = edited["title"],
            ["questions"] = edited["questions"],
            ["keywords"] = edited["keywords"],
            ["answer"] = new Dictionary<string, string> { ["zh-CN"] = $"深圳市妇联热线：0755-12338（演示）。版本{version + 1}", ["en"] = "Shenzhen women's federation hotline (demo)." },
            ["sources"] = edited["sources"],
            ["retired"] = false,
            ["basedOn"] = version,
        };

        (await admin.PutAsJsonAsync("/api/v1/consultation/answers/hotlines", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync("/api/v1/consultation/answers/hotlines", body)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "saved from a version that is no longer the newest");

        using var anonymous = factory.CreateClient();
        await Should.NotThrowAsync(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var got = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/help/answers/hotlines?language=zh-CN");
                if (got.GetProperty("text").GetString()!.Contains($"版本{version + 1}", StringComparison.Ordinal))
                {
                    return;
                }

                await Task.Delay(250);
            }

            throw new ShouldAssertException("the edited answer never reached the assistant");
        });

        using var caseworker = await factory.ClientAsAsync(factory.Account(AgencyType.WomensFederation, "440306"));
        (await caseworker.PutAsJsonAsync("/api/v1/consultation/answers/hotlines", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await admin.PutAsJsonAsync("/api/v1/consultation/answers/Bad Id!", new { title = new Dictionary<string, string> { ["zh-CN"] = "", ["en"] = "x" }, questions = new Dictionary<string, string[]> { ["zh-CN"] = [], ["en"] = ["x"] }, answer = new Dictionary<string, string> { ["zh-CN"] = "x", ["en"] = "x" }, sources = new Dictionary<string, string> { ["zh-CN"] = "x", ["en"] = "x" }, basedOn = 0 });
        var problem = await bad.ProblemAsync();
        problem.Error("entryId").ShouldNotBeNullOrEmpty();
        problem.Error("title.zh-CN").ShouldNotBeNullOrEmpty();
        problem.Error("questions.zh-CN").ShouldNotBeNullOrEmpty();
    }
}

public sealed class ConsultationApiTests_Sqlite(SqliteFactory factory) : ConsultationApiTests<SqliteFactory>(factory);

public sealed class ConsultationApiTests_Postgres(PostgresFactory factory) : ConsultationApiTests<PostgresFactory>(factory), IPostgresTests;
