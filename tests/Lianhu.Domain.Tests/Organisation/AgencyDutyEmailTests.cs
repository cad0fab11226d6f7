using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Tests.Organisation;

public class AgencyDutyEmailTests
{
    private static Agency Court() => Agency.Create(Guid.NewGuid(), "宝安区人民法院", AgencyType.Court, DivisionCode.Parse("440306"));

    [Fact]
    public void SetDutyEmail_TrimsAPlainAddress_AndBlankClearsIt()
    {
        var agency = Court();
        agency.SetDutyEmail("  duty@court.example.cn ");
        agency.DutyEmail.ShouldBe("duty@court.example.cn");
        agency.SetDutyEmail(" ");
        agency.DutyEmail.ShouldBeNull();
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Duty Desk <duty@court.example.cn>")]
    [InlineData("a@b.cn, c@d.cn")]
    public void SetDutyEmail_WithAnythingButOneBareAddress_Throws(string text) =>
        Should.Throw<DomainRuleViolationException>(() => Court().SetDutyEmail(text)).Code.ShouldBe("agency.duty-email");

    [Fact]
    public void SetDutyEmail_LongerThanAMailboxMayBe_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Court().SetDutyEmail(new string('a', 250) + "@x.cn")).Code.ShouldBe("agency.duty-email");
}
