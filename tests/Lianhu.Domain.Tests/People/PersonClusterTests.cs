using Lianhu.Domain.Common;
using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

public class PersonClusterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Worker = Guid.NewGuid();

    private static Person Record(string name) =>
        Person.Record(Guid.CreateVersion7(), new PersonDetails(name, null, null, null, null), PersonIndexes.None, Guid.NewGuid(), At);

    [Fact]
    public void MergeInto_PointsTheRootAtTheTarget_AndMovesEveryMember()
    {
        var a = Record("张伟");
        var b = Record("章伟");
        var target = Record("張偉");

        new PersonCluster([b]).MergeInto(a.RootId, PersonCluster.ReasonConfirmed, Worker, At);
        var linked = new PersonCluster([a, b]).MergeInto(target.RootId, PersonCluster.ReasonIdNumber, Worker, At);

        linked.ShouldBe(a);
        a.MergedIntoId.ShouldBe(target.Id);
        b.MergedIntoId.ShouldBe(a.Id, "a member keeps its own pointer");
        new[] { a, b }.ShouldAllBe(p => p.RootId == target.Id);
        a.MergeReason.ShouldBe(PersonCluster.ReasonIdNumber);
    }

    [Fact]
    public void Unmerge_TakesTheSubtreeAlong_AndLeavesTheRestLinked()
    {
        var root = Record("张伟");
        var a = Record("章伟");
        var b = Record("Zhang Wei");
        new PersonCluster([a]).MergeInto(root.Id, PersonCluster.ReasonConfirmed, Worker, At);
        new PersonCluster([b]).MergeInto(root.Id, PersonCluster.ReasonConfirmed, Worker, At);

        var moved = new PersonCluster([root, a, b]).Unmerge(a);

        moved.ShouldBe([a]);
        a.RootId.ShouldBe(a.Id);
        a.MergedIntoId.ShouldBeNull();
        a.MergeReason.ShouldBeNull();
        new[] { root, b }.ShouldAllBe(p => p.RootId == root.Id);
    }

    [Fact]
    public void Unmerge_OfAMemberWithLinksBelowIt_MovesThemToo()
    {
        var top = Record("张伟");
        var middle = Record("章伟");
        var leaf = Record("Zhang Wei");
        new PersonCluster([leaf]).MergeInto(middle.Id, PersonCluster.ReasonPhone, Worker, At);
        new PersonCluster([middle, leaf]).MergeInto(top.Id, PersonCluster.ReasonConfirmed, Worker, At);

        var moved = new PersonCluster([top, middle, leaf]).Unmerge(middle);

        moved.ShouldBe([middle, leaf], ignoreOrder: true);
        leaf.RootId.ShouldBe(middle.Id);
        leaf.MergedIntoId.ShouldBe(middle.Id);
        top.RootId.ShouldBe(top.Id);
    }

    [Fact]
    public void Unmerge_OfARoot_Throws()
    {
        var a = Record("张伟");
        Should.Throw<DomainRuleViolationException>(() => new PersonCluster([a]).Unmerge(a)).Code.ShouldBe("person.not-merged");
    }

    [Fact]
    public void MergeInto_ItsOwnRoot_Throws()
    {
        var a = Record("张伟");
        Should.Throw<DomainRuleViolationException>(() => new PersonCluster([a]).MergeInto(a.Id, PersonCluster.ReasonConfirmed, Worker, At)).Code.ShouldBe("person.already-linked");
    }

    [Fact]
    public void A_Cluster_IsOneRootsRecords()
    {
        Should.Throw<ArgumentException>(() => new PersonCluster([Record("a"), Record("b")]));
        Should.Throw<ArgumentException>(() => new PersonCluster([]));
    }

    [Fact]
    public void Record_TakesBirthDateAndSexFromTheIdNumber_AndNeedsSomethingToIdentify()
    {
        var id = ResidentIdNumber.Parse("11010519491231002X", new DateOnly(2026, 1, 1));
        var person = Person.Record(Guid.NewGuid(), new PersonDetails(null, id, null, new DateOnly(2000, 1, 1), Sex.Male), new PersonIndexes("i", null, "b", null), Guid.NewGuid(), At);
        person.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
        person.Sex.ShouldBe(Sex.Female);
        person.IdNumberIndex.ShouldBe("i");
        person.NameKeyIndex.ShouldBeNull();

        Should.Throw<DomainRuleViolationException>(() => Person.Record(Guid.NewGuid(), new PersonDetails(" ", null, null, null, null), PersonIndexes.None, Guid.NewGuid(), At))
            .Code.ShouldBe("person.identity");
    }
}
