using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Tests.Organisation;

public class AgencyTests
{
    [Fact]
    public void Create_AtAnAllowedTier_TakesTheDivisionsTier()
    {
        var agency = Agency.Create(Guid.NewGuid(), " 宝安区人民法院 ", AgencyType.Court, DivisionCode.Parse("440306"));
        agency.Tier.ShouldBe(Tier.District);
        agency.Name.ShouldBe("宝安区人民法院");
        agency.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Create_AtATierTheTypeCannotSitAt_Throws()
    {
        var ex = Should.Throw<DomainRuleViolationException>(() => Agency.Create(Guid.NewGuid(), "派出所", AgencyType.PoliceStation, DivisionCode.Parse("440306")));
        ex.Code.ShouldBe("agency.tier");
    }

    [Fact]
    public void Create_WithoutAName_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Agency.Create(Guid.NewGuid(), "  ", AgencyType.Court, DivisionCode.Parse("440306"))).Code.ShouldBe("agency.name");

    [Fact]
    public void Catalogue_CoversEveryType_WithAtLeastOneTierAndRole()
    {
        foreach (var type in Enum.GetValues<AgencyType>())
        {
            var info = AgencyTypeCatalogue.Get(type);
            info.Tiers.ShouldNotBeEmpty(type.ToString());
            info.Roles.ShouldNotBeEmpty(type.ToString());
        }

        AgencyTypeCatalogue.AllowsRole(AgencyType.School, Role.Sysadmin).ShouldBeFalse();
        AgencyTypeCatalogue.AllowsTier(AgencyType.LinkageCentre, Tier.Community).ShouldBeFalse();
    }

    [Theory]
    [InlineData(AgencyType.LinkageCentre, "linkage-centre")]
    [InlineData(AgencyType.InjuryAppraisalCentre, "injury-appraisal-centre")]
    [InlineData(AgencyType.DisabledPersonsFederation, "disabled-persons-federation")]
    [InlineData(AgencyType.WomensFederation, "womens-federation")]
    public void StableNames_AreTheDocumentedKebabCaseIds(AgencyType type, string id)
    {
        StableName.Of(type).ShouldBe(id);
        StableName.Parse<AgencyType>(id).ShouldBe(type);
    }
}
