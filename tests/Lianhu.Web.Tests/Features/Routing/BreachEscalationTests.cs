using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lianhu.Web.Tests.Features.Clocks.ClockTestHosts;


namespace Lianhu.Web.Tests.Features.Routing;

/// <summary>A breached clock becomes one escalation task for the linkage centre one tier above the clock's owner, however often the consumer runs.</summary>
public abstract class BreachEscalationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private static async Task<BreachEscalations.Result> EscalateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BreachEscalations>().RunOnceAsync();
    }

    [ProviderFact]
    public async Task ABreachedClock_BecomesExactlyOneEscalationTask_AtTheTownCentre()
    {
        var workstation = factory.Account(AgencyType.CommunityWorkstation, "440306");
        using var client = await factory.ClientAsAsync(workstation, "en");
        var caseId = await OpenCaseAsync(client, workstation.Agency.Division.Value);
        var clock = await StartClockAsync(client, caseId, new { rule = "po-police-verification", at = Iso(factory.Clock.GetUtcNow()) });
        var clockId = clock.GetProperty("id").GetGuid();

        factory.Clock.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(1)));
        await SweepAsync(factory.Services);
        (await BreachesAsync(factory.Services, clockId)).ShouldBe(1);

        (await EscalateAsync(factory.Services)).Escalated.ShouldBeGreaterThanOrEqualTo(1);
        (await EscalateAsync(factory.Services)).Escalated.ShouldBe(0, "a second run finds nothing left to escalate");
        var townCentre = factory.City.Agencies.Single(a => a.Type == AgencyType.LinkageCentre && a.Division == workstation.Agency.Division.Parent);
        var tasks = await QueryAsync(factory.Services, db => db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId && t.Kind == CaseTaskKind.Escalation).ToListAsync());
        var task = tasks.ShouldHaveSingleItem();
        task.AgencyId.ShouldBe(townCentre.Id);
        task.Tier.ShouldBe(Tier.Town);
        task.RoutingCentreId.ShouldBe(workstation.Agency.Id, "the owner of the breached clock hears the answer");
        task.ReasonEn.ShouldContain("po-police-verification");
        task.ReasonZh.ShouldContain("po-police-verification");
        var breach = await QueryAsync(factory.Services, db => db.ClockBreaches.AsNoTracking().SingleAsync(b => b.ClockId == clockId));
        breach.EscalationRequested.ShouldBeFalse();
        breach.EscalationTaskId.ShouldBe(task.Id);

        // The centre sees it in its inbox, like any request.
        using var centre = await factory.ClientAsAsync(factory.City.Accounts.First(a => a.Agency.Id == townCentre.Id && a.Role == Domain.Access.Role.Caseworker), "en");
        var inbox = await centre.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        inbox.GetProperty("awaiting").EnumerateArray().Select(i => i.GetProperty("task").GetProperty("id").GetGuid()).ShouldContain(task.Id);
    }

    [ProviderFact]
    public async Task TwoConsumersAtOnce_MakeOneTaskPerBreach()
    {
        var workstation = factory.Account(AgencyType.CommunityWorkstation, "440304");
        using var client = await factory.ClientAsAsync(workstation, "en");
        var caseId = await OpenCaseAsync(client, workstation.Agency.Division.Value);
        for (var i = 0; i < 3; i++)
        {
            await StartClockAsync(client, caseId, new { rule = "po-police-verification", at = Iso(factory.Clock.GetUtcNow()) });
        }

        factory.Clock.Advance(TimeSpan.FromHours(25));
        await SweepAsync(factory.Services);
        await Task.WhenAll(EscalateAsync(factory.Services), EscalateAsync(factory.Services));

        var count = await QueryAsync(factory.Services, db => db.CaseTasks.CountAsync(t => t.CaseId == caseId && t.Kind == CaseTaskKind.Escalation));
        count.ShouldBe(3);
        (await QueryAsync(factory.Services, db => db.ClockBreaches.CountAsync(b => b.CaseId == caseId && b.EscalationRequested))).ShouldBe(0);
    }
}

public sealed class BreachEscalationTests_Sqlite(ClockSqliteFactory factory) : BreachEscalationTests<ClockSqliteFactory>(factory);

public sealed class BreachEscalationTests_Postgres(ClockPostgresFactory factory) : BreachEscalationTests<ClockPostgresFactory>(factory), IPostgresTests;
