using System.Reflection;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Tests.Access;

public class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static List<AuditEvent> Chain(int n)
    {
        var events = new List<AuditEvent>();
        var previous = string.Empty;
        for (var i = 1; i <= n; i++)
        {
            var e = AuditEvent.Record(Guid.NewGuid(), At.AddSeconds(i), new AuditActor(Guid.NewGuid(), Guid.NewGuid(), "caseworker", "127.0.0.1"), "case.read", "case", Guid.NewGuid().ToString());
            e.Seal(i, previous);
            previous = e.Hash!;
            events.Add(e);
        }

        return events;
    }

    [Fact]
    public void AnIntactChain_Verifies() => AuditChain.Verify(Chain(5)).ShouldBeNull();

    [Fact]
    public void AnAlteredEvent_IsNamed()
    {
        var events = Chain(5);
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.Action))!.SetValue(events[2], "case.update", BindingFlags.NonPublic, null, null, null);

        var broken = AuditChain.Verify(events)!;
        broken.EventId.ShouldBe(events[2].Id);
        broken.ChainIndex.ShouldBe(3);
        broken.Reason.ShouldContain("altered");
    }

    [Fact]
    public void ARemovedEvent_BreaksTheChainAtTheNextOne()
    {
        var events = Chain(5);
        events.RemoveAt(1);
        AuditChain.Verify(events)!.EventId.ShouldBe(events[1].Id);
    }

    [Fact]
    public void ARemovedEventWithRenumbering_IsStillCaught_ByTheLink()
    {
        var events = Chain(4);
        events.RemoveAt(1);
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.ChainIndex))!.SetValue(events[1], 2L);
        typeof(AuditEvent).GetProperty(nameof(AuditEvent.ChainIndex))!.SetValue(events[2], 3L);
        AuditChain.Verify(events)!.Reason.ShouldContain("previous");
    }

    [Fact]
    public void Sealing_Twice_Throws()
    {
        var e = Chain(1)[0];
        Should.Throw<DomainRuleViolationException>(() => e.Seal(2, "x")).Code.ShouldBe("audit.already-sealed");
    }
}
