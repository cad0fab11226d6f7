using System.Text.RegularExpressions;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Tests.Access;

/// <summary>Typed audit actions keep the wire names already stored in the chain.</summary>
public sealed partial class AuditActionTests
{
    [Fact]
    public void WireNames_AreUnique_DottedAndLowerCase()
    {
        var names = StableName.All<AuditAction>();

        names.Count.ShouldBe(Enum.GetValues<AuditAction>().Length);
        names.Distinct(StringComparer.Ordinal).Count().ShouldBe(names.Count);
        names.ShouldAllBe(n => WireName().IsMatch(n));
    }

    [Theory]
    [InlineData(AuditAction.CaseRead, "case.read")]
    [InlineData(AuditAction.CaseHistoryRead, "case.history.read")]
    [InlineData(AuditAction.ClockComplete, "clock.complete")]
    [InlineData(AuditAction.CaseClosureReject, "case.closure-reject")]
    [InlineData(AuditAction.ProtectionOrderPoliceVerification, "protection-order.police-verification")]
    [InlineData(AuditAction.ProbeNotFound, "probe.not-found")]
    public void StoredNames_NeverChange(AuditAction action, string stored)
    {
        StableName.Of(action).ShouldBe(stored);
        StableName.Parse<AuditAction>(stored).ShouldBe(action);
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+$")]
    private static partial Regex WireName();
}
