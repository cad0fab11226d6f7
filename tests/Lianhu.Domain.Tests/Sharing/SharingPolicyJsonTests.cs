using Lianhu.Domain.Organisation;
using Lianhu.Domain.Sharing;

namespace Lianhu.Domain.Tests.Sharing;

public class SharingPolicyJsonTests
{
    private const string Valid = """
        { "id": "sharing", "version": 1, "nonStatutory": ["social-work-group", "counselling-centre"],
          "legalBases": [{ "id": "court-order", "zh-CN": "法院裁定", "en": "court order" }], "maxConsentDays": 365 }
        """;

    [Fact]
    public void TheShippedPolicy_Loads_AndNamesTheNonStatutoryBodies()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "config", "policies", "sharing.json")))
        {
            dir = dir.Parent;
        }

        var policy = SharingPolicyJson.Load(Path.Combine(dir!.FullName, "config", "policies", "sharing.json"));

        policy.NeedsConsent(AgencyType.SocialWorkGroup).ShouldBeTrue();
        policy.NeedsConsent(AgencyType.CounsellingCentre).ShouldBeTrue();
        policy.NeedsConsent(AgencyType.PoliceStation).ShouldBeFalse();
        policy.FindBasis("advl-art14-mandatory-report").ShouldNotBeNull();
    }

    [Fact]
    public void AValidPolicy_Parses() => SharingPolicyJson.Parse(Valid, "sharing.json").MaxConsentDays.ShouldBe(365);

    [Theory]
    [InlineData("\"counselling-centre\"]", "\"counseling\"]", "nonStatutory[1]")]
    [InlineData("\"maxConsentDays\": 365", "\"maxConsentDays\": 0", "maxConsentDays")]
    [InlineData("\"version\": 1,", "\"version\": 1, \"extra\": true,", "extra")]
    [InlineData("\"social-work-group\",", "\"linkage-centre\",", "nonStatutory[0]")]
    public void ABrokenPolicy_IsRefused_NamingTheField(string from, string to, string field)
    {
        var ex = Should.Throw<FormatException>(() => SharingPolicyJson.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "sharing.json"));
        ex.Message.ShouldContain(field);
    }
}
