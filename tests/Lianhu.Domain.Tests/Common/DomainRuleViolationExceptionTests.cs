using Lianhu.Domain.Common;

namespace Lianhu.Domain.Tests.Common;

public class DomainRuleViolationExceptionTests
{
    [Fact]
    public void Code_IsKept()
    {
        var ex = new DomainRuleViolationException("case.closed", "closed");
        ex.Code.ShouldBe("case.closed");
        ex.Message.ShouldBe("closed");
    }
}
