using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Lianhu.Web.Tests.Features.Clocks.ClockTestHosts;

namespace Lianhu.Web.Tests.Features.Clocks;

/// <summary>
/// The clock engine in one host, scans run by hand against a manual clock: reminders and breaches
/// fire once however often the scanner runs, the breach is escalated to the supervising tier, and a
/// clock claimed by a node that died is taken over once its claim lapses.
/// </summary>
public abstract class ClockEngineTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private const string Baoan = "440306";

    private FakeTimeProvider Time => factory.Clock;

    // po-police-verification: 24 h from the instant, reminder 6 h before the due time.
    private async Task<(Guid Clock, Guid Case, string Community)> StartVerificationClockAsync()
    {
        var workstation = factory.Account(AgencyType.CommunityWorkstation, Baoan);
        using var client = await factory.ClientAsAsync(workstation, "en");
        var caseId = await OpenCaseAsync(client, workstation.Agency.Division.Value);
        var clock = await StartClockAsync(client, caseId, new { rule = "po-police-verification", at = Iso(Time.GetUtcNow()) });
        return (clock.GetProperty("id").GetGuid(), caseId, workstation.Agency.Division.Value);
    }

    [ProviderFact]
    public async Task ADueClock_FiresOnce_WhenTheScannerRunsRepeatedlyPastItsDueTime()
    {
        var (id, caseId, community) = await StartVerificationClockAsync();
        Time.Advance(TimeSpan.FromHours(24));

        for (var i = 0; i < 5; i++)
        {
            await SweepAsync(factory.Services);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var clock = await ClockAsync(factory.Services, id);
        clock.State.ShouldBe(ClockState.Breached);
        clock.ClaimOwner.ShouldBeNull();
        (await BreachesAsync(factory.Services, id)).ShouldBe(1);
        (await AuditsAsync(factory.Services, "clock.breach", id)).ShouldBe(1);
        (await AuditsAsync(factory.Services, "clock.remind", id)).ShouldBe(0, "a reminder is not sent after the due time");

        var breach = await QueryAsync(factory.Services, db => db.ClockBreaches.AsNoTracking().SingleAsync(b => b.ClockId == id));
        var townCentre = factory.City.Agencies.Single(a => a.Type == AgencyType.LinkageCentre && a.Division.Value == community[..9]);
        breach.CaseId.ShouldBe(caseId);
        breach.RuleId.ShouldBe("po-police-verification");
        breach.DueAt.ShouldBe(clock.DueAt);
        breach.EscalateToDivisionCode.ShouldBe(community[..9]);
        breach.EscalateToAgencyId.ShouldBe(townCentre.Id);
        breach.EscalationRequested.ShouldBeTrue();
    }

    [ProviderFact]
    public async Task AProtectionOrderValidity_AtItsEnd_Lapses_WithoutABreachOrEscalation()
    {
        var workstation = factory.Account(AgencyType.CommunityWorkstation, Baoan);
        using var client = await factory.ClientAsAsync(workstation, "en");
        var caseId = await OpenCaseAsync(client, workstation.Agency.Division.Value);
        var id = (await StartClockAsync(client, caseId, new { rule = "po-validity", at = Iso(Time.GetUtcNow()), months = 1 })).GetProperty("id").GetGuid();
        Time.Advance(TimeSpan.FromDays(32));

        for (var i = 0; i < 3; i++)
        {
            await SweepAsync(factory.Services);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var clock = await ClockAsync(factory.Services, id);
        clock.State.ShouldBe(ClockState.Lapsed);
        clock.LapsedAt.ShouldNotBeNull();
        (await BreachesAsync(factory.Services, id)).ShouldBe(0);
        (await AuditsAsync(factory.Services, "clock.lapse", id)).ShouldBe(1);
        (await AuditsAsync(factory.Services, "clock.breach", id)).ShouldBe(0);
        var shown = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/clocks")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        shown.GetProperty("state").GetString().ShouldBe("lapsed");
        shown.GetProperty("overdue").GetBoolean().ShouldBeFalse();
    }

    [ProviderFact]
    public async Task TheReminder_FiresOnce_BeforeTheDueTime_ThenTheBreachOnce()
    {
        var (id, _, _) = await StartVerificationClockAsync();

        Time.Advance(TimeSpan.FromHours(17));
        await SweepAsync(factory.Services);
        (await ClockAsync(factory.Services, id)).State.ShouldBe(ClockState.Pending);

        Time.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 3; i++)
        {
            await SweepAsync(factory.Services);
        }

        var reminded = await ClockAsync(factory.Services, id);
        reminded.State.ShouldBe(ClockState.Reminded);
        reminded.NextFireAt.ShouldBe(reminded.DueAt);
        (await AuditsAsync(factory.Services, "clock.remind", id)).ShouldBe(1);

        Time.Advance(TimeSpan.FromHours(6));
        await SweepAsync(factory.Services);
        await SweepAsync(factory.Services);

        (await ClockAsync(factory.Services, id)).State.ShouldBe(ClockState.Breached);
        (await AuditsAsync(factory.Services, "clock.remind", id)).ShouldBe(1);
        (await AuditsAsync(factory.Services, "clock.breach", id)).ShouldBe(1);
        (await BreachesAsync(factory.Services, id)).ShouldBe(1);
    }

    [ProviderFact]
    public async Task ACompletedClock_NeverBreaches()
    {
        var (id, _, _) = await StartVerificationClockAsync();
        var workstation = factory.Account(AgencyType.CommunityWorkstation, Baoan);
        using var client = await factory.ClientAsAsync(workstation, "en");
        (await client.PostAsync($"/api/v1/clocks/{id}/complete", System.Net.Http.Json.JsonContent.Create(new { outcome = "已核实" })))
            .EnsureSuccessStatusCode();

        Time.Advance(TimeSpan.FromDays(2));
        await SweepAsync(factory.Services);

        (await ClockAsync(factory.Services, id)).State.ShouldBe(ClockState.Completed);
        (await BreachesAsync(factory.Services, id)).ShouldBe(0);
    }

    [ProviderFact]
    public async Task AClockClaimedByANodeThatDied_WaitsForTheClaimToLapse_ThenFiresOnce()
    {
        var (id, _, _) = await StartVerificationClockAsync();
        Time.Advance(TimeSpan.FromHours(25));
        var now = Time.GetUtcNow();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // A node claims every due clock, then "dies" before firing any of them.
            var claims = scope.ServiceProvider.GetRequiredService<ClockClaimQueries>();
            while ((await claims.ClaimDueAsync("dead-node", now, now.AddMinutes(2), 50, CancellationToken.None)).Count > 0)
            {
            }
        }

        await SweepAsync(factory.Services);
        (await ClockAsync(factory.Services, id)).State.ShouldBe(ClockState.Pending, "the dead node's claim still holds");

        Time.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync(factory.Services);
        await SweepAsync(factory.Services);

        (await ClockAsync(factory.Services, id)).State.ShouldBe(ClockState.Breached);
        (await BreachesAsync(factory.Services, id)).ShouldBe(1);
        (await AuditsAsync(factory.Services, "clock.breach", id)).ShouldBe(1);
    }

    [ProviderFact]
    public async Task ALostClaim_CommitsNothing()
    {
        var (id, _, _) = await StartVerificationClockAsync();
        Time.Advance(TimeSpan.FromHours(25));
        await using var scope = factory.Services.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<ClockClaimQueries>();
        var node = scope.ServiceProvider.GetRequiredService<ClockNode>();
        var now = Time.GetUtcNow();
        await claims.ClaimDueAsync(node.Id, now, now.AddMinutes(2), 500, CancellationToken.None);

        // The lease lapses and a second node takes the clock over (bumping its version) ...
        Time.Advance(TimeSpan.FromMinutes(3));
        var later = Time.GetUtcNow();
        await claims.ClaimDueAsync("other-node", later, later.AddMinutes(2), 500, CancellationToken.None);

        // ... so this node's scan fires none of the clocks it no longer holds.
        await SweepAsync(factory.Services);
        (await ClockAsync(factory.Services, id)).ClaimOwner.ShouldBe("other-node");
        (await BreachesAsync(factory.Services, id)).ShouldBe(0);
    }
}

public sealed class ClockEngineTests_Sqlite(ClockSqliteFactory factory) : ClockEngineTests<ClockSqliteFactory>(factory);

public sealed class ClockEngineTests_Postgres(ClockPostgresFactory factory) : ClockEngineTests<ClockPostgresFactory>(factory), IPostgresTests;
