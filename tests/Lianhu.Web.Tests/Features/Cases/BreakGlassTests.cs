using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Cases;

/// <summary>Emergency access: with a reason, by case number, time-limited, visible to the lead's supervisors.</summary>
public abstract class BreakGlassTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task AnOutOfScopeOfficer_GetsTimeLimitedReadAccess_WithAReason_AndTheLeadSeesIt()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440306");
        using var lead = await factory.ClientAsAsync(worker);
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "紧急调阅测试", divisionCode = worker.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString();

        var officer = factory.Account(AgencyType.PoliceStation, "440304");
        using var police = await factory.ClientAsAsync(officer, "en");
        (await police.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var refused = await police.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = number, reason = "急" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString()!.ShouldContain("10 characters");

        var granted = await police.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = number, reason = "Suspect detained tonight, victim at risk; need prior record" });
        granted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var expires = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTimeOffset();
        expires.ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(1.9), DateTimeOffset.UtcNow.AddHours(2.1));

        var read = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        read.GetProperty("relation").GetString().ShouldBe("break-glass");
        read.GetProperty("summary").GetString().ShouldBe("紧急调阅测试");
        read.GetProperty("access").TryGetProperty("counselling", out _).ShouldBeFalse();

        using var supervisor = await factory.ClientAsAsync(factory.City.Accounts.First(a => a.Agency.Id == worker.Agency.Id && a.Role == Role.Supervisor));
        var viewers = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/viewers");
        viewers.EnumerateArray().Single(v => v.GetProperty("userId").GetGuid() == officer.UserId).GetProperty("emergencyAccess").GetBoolean().ShouldBeTrue();
    }

    [ProviderFact]
    public async Task AnUnknownCaseNumber_Is404_AndAdministratorsCannotBreakGlass()
    {
        using var police = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440305"));
        (await police.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = "19990101-000000", reason = "a sufficiently long reason" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin));
        (await admin.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = "19990101-000000", reason = "a sufficiently long reason" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class BreakGlassTests_Sqlite(SqliteFactory factory) : BreakGlassTests<SqliteFactory>(factory);

public sealed class BreakGlassTests_Postgres(PostgresFactory factory) : BreakGlassTests<PostgresFactory>(factory), IPostgresTests;

/// <summary>Emergency access is pushed at once to the lead and to every linkage centre above the case.</summary>
public sealed class BreakGlassNotificationTests(BreakGlassNotificationTests.RecordingFactory factory) : IClassFixture<BreakGlassNotificationTests.RecordingFactory>
{
    [Fact]
    public async Task TheLeadAndTheCentresAbove_AreSignalled_WithIdsOnly()
    {
        var owner = factory.Account(AgencyType.CommunityWorkstation, "440306");
        using var lead = await factory.ClientAsAsync(owner);
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "推送测试", divisionCode = owner.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var police = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"));
        (await police.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = created.GetProperty("number").GetString(), reason = "suspect armed, victim unreachable" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var community = owner.Agency.Division;
        var expected = factory.City.Agencies.Where(a => a.Type == AgencyType.LinkageCentre && a.Division.Contains(community)).Select(a => a.Id).Append(owner.Agency.Id).ToHashSet();
        expected.Count.ShouldBe(4, "town, district and city centres plus the lead");
        var signalled = factory.Publisher.Signals.Where(s => s.Kind == "break-glass").ToList();
        signalled.Select(s => s.AgencyId!.Value).ToHashSet().SetEquals(expected).ShouldBeTrue();
        signalled.ShouldAllBe(s => s.CaseId == created.GetProperty("id").GetGuid() && s.TaskId == Guid.Empty);
    }

    public sealed class RecordingFactory : SqliteFactory
    {
        public RecordingPublisher Publisher { get; private set; } = null!;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<Lianhu.Web.Features.Inbox.InboxPublisher>(sp =>
                Publisher = ActivatorUtilities.CreateInstance<RecordingPublisher>(sp)));
        }
    }

    public sealed class RecordingPublisher(
        Microsoft.AspNetCore.SignalR.IHubContext<Lianhu.Web.Features.Inbox.InboxHub> hub, Lianhu.Web.Data.DatabaseOptions database, Microsoft.Extensions.Logging.ILogger<Lianhu.Web.Features.Inbox.InboxPublisher> log)
        : Lianhu.Web.Features.Inbox.InboxPublisher(hub, database, log)
    {
        public System.Collections.Concurrent.ConcurrentBag<Lianhu.Web.Features.Inbox.InboxSignal> Signals { get; } = [];

        public override Task PublishAsync(IReadOnlyList<Lianhu.Web.Features.Inbox.InboxSignal> signals, CancellationToken ct)
        {
            foreach (var signal in signals)
            {
                Signals.Add(signal);
            }

            return base.PublishAsync(signals, ct);
        }
    }
}
