using Lianhu.Domain.Common;

namespace Lianhu.Domain.People;

/// <summary>
/// The records known to be one person: a tree of <see cref="Person"/> rows joined by
/// <see cref="Person.MergedIntoId"/>, each row carrying the tree's <see cref="Person.RootId"/>.
/// A merge points the source tree's root at the target's root; an unmerge cuts one pointer and
/// the subtree below it becomes its own cluster again. Rows are never rewritten otherwise.
/// </summary>
public sealed class PersonCluster
{
    public const string ReasonIdNumber = "id-number";
    public const string ReasonPhone = "phone";
    public const string ReasonConfirmed = "confirmed";

    public PersonCluster(IEnumerable<Person> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = [.. members];
        if (Members.Count == 0 || Members.Select(m => m.RootId).Distinct().Count() != 1)
        {
            throw new ArgumentException("A cluster is the non-empty set of records sharing one root.", nameof(members));
        }

        RootId = Members[0].RootId;
        Root = Members.SingleOrDefault(m => m.Id == RootId) ?? throw new ArgumentException("The cluster's root record is missing.", nameof(members));
    }

    public Guid RootId { get; }

    public Person Root { get; }

    public IReadOnlyList<Person> Members { get; }

    /// <summary>
    /// Links this cluster to the cluster rooted at <paramref name="targetRootId"/>. Returns the
    /// record whose pointer was set: unmerging it undoes exactly this merge.
    /// </summary>
    public Person MergeInto(Guid targetRootId, string reason, Guid? by, DateTimeOffset at)
    {
        if (targetRootId == RootId)
        {
            throw new DomainRuleViolationException("person.already-linked", "These records are already linked.");
        }

        Root.PointTo(targetRootId, reason, by, at);
        foreach (var member in Members)
        {
            member.MoveTo(targetRootId);
        }

        return Root;
    }

    /// <summary>
    /// Cuts the link of <paramref name="member"/>: it and the records linked below it form their
    /// own cluster again. Returns the records that moved.
    /// </summary>
    public IReadOnlyList<Person> Unmerge(Person member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!Members.Contains(member))
        {
            throw new ArgumentException("Not a record of this cluster.", nameof(member));
        }

        if (member.MergedIntoId is null)
        {
            throw new DomainRuleViolationException("person.not-merged", "This record is not linked to another one.");
        }

        var moved = Subtree(member);
        member.PointTo(null, null, null, null);
        foreach (var row in moved)
        {
            row.MoveTo(member.Id);
        }

        return moved;
    }

    /// <summary>The record and every record whose chain of pointers passes through it.</summary>
    public IReadOnlyList<Person> Subtree(Person top)
    {
        var children = Members.Where(m => m.MergedIntoId is not null).ToLookup(m => m.MergedIntoId!.Value);
        var result = new List<Person>();
        var queue = new Queue<Person>([top]);
        while (queue.TryDequeue(out var next))
        {
            result.Add(next);
            foreach (var child in children[next.Id])
            {
                queue.Enqueue(child);
            }
        }

        return result;
    }
}
