using Lianhu.Domain.Access;

namespace Lianhu.Domain.Tests.Access;

public class SectionPolicyTests
{
    private static SectionPolicy Shipped()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Lianhu.sln")))
        {
            dir = dir.Parent;
        }

        return SectionPolicy.Load(Path.Combine(dir.FullName, "config", "policies", "section-permissions.json"));
    }

    [Fact]
    public void ShippedTable_Loads_AndGivesContentRolesNothingOutsideTheirRelations()
    {
        var policy = Shipped();
        policy.For(Role.Caseworker, CaseRelation.Lead, CaseSection.Incident).ShouldBe(SectionAccess.Write);
        policy.For(Role.Caseworker, CaseRelation.Unrelated, CaseSection.Incident).ShouldBe(SectionAccess.None);
        policy.For(Role.Caseworker, CaseRelation.BreakGlass, CaseSection.Counselling).ShouldBe(SectionAccess.None);
        foreach (var role in new[] { Role.Sysadmin, Role.Statistician, Role.Auditor })
        {
            policy.Cells.Where(c => c.Role == role).ShouldAllBe(c => c.Access == SectionAccess.None);
        }

        policy.Cells.Where(c => c.Relation == CaseRelation.Unrelated).ShouldAllBe(c => c.Access == SectionAccess.None);
    }

    [Fact]
    public void SeveralRoles_GetTheMostGenerousRow() =>
        Shipped().For([Role.Statistician, Role.Supervisor], CaseRelation.Supervising, CaseSection.Risk).ShouldBe(SectionAccess.Write);

    [Theory]
    [InlineData("""{"version":1,"rules":[{"role":"janitor","relation":"lead","sections":{}}]}""", "rules[0].role")]
    [InlineData("""{"version":1,"rules":[{"role":"caseworker","relation":"lead","sections":{"diary":"read"}}]}""", "rules[0].sections.diary")]
    [InlineData("""{"version":1,"rules":[{"role":"caseworker","relation":"lead","sections":{"risk":"maybe"}}]}""", "rules[0].sections.risk")]
    public void BadTables_AreRefused_NamingThePlace(string json, string where) =>
        Should.Throw<FormatException>(() => SectionPolicy.Parse(json, "t.json")).Message.ShouldContain(where);
}
