namespace Lianhu.Domain.People;

/// <summary>
/// A person decided that two records are NOT the same person, so the pair is not suggested again.
/// Stored once per pair, the smaller id first.
/// </summary>
public sealed class PersonMatchRejection
{
    private PersonMatchRejection()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid OtherPersonId { get; private set; }

    public Guid DecidedByUserId { get; private set; }

    public Guid DecidedByAgencyId { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public static PersonMatchRejection Record(Guid id, Guid a, Guid b, Guid userId, Guid agencyId, DateTimeOffset at)
    {
        if (a == b)
        {
            throw new ArgumentException("A record cannot be rejected as a match of itself.", nameof(b));
        }

        var (first, second) = a.CompareTo(b) < 0 ? (a, b) : (b, a);
        return new PersonMatchRejection { Id = id, PersonId = first, OtherPersonId = second, DecidedByUserId = userId, DecidedByAgencyId = agencyId, DecidedAt = at };
    }
}
