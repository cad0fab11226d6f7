using Lianhu.Domain.Common;

namespace Lianhu.Domain.People;

/// <summary>
/// One record of a person as entered at one intake: name, identity numbers, birth date and sex,
/// with keyed hashes ("blind indexes") for finding the same person again. Records of the same
/// human being are linked into a <see cref="PersonCluster"/> by <see cref="MergedIntoId"/>; a
/// record is never rewritten by a merge, so every merge can be undone.
/// </summary>
public sealed class Person
{
    public const int NameMaxLength = 100;

    private Person()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>As written (stored encrypted); null when only a number was known.</summary>
    public string? Name { get; private set; }

    /// <summary>The normalised 18-character resident ID (stored encrypted).</summary>
    public string? IdNumber { get; private set; }

    public string? IdNumberIndex { get; private set; }

    /// <summary>E.164 (stored encrypted).</summary>
    public string? Phone { get; private set; }

    public string? PhoneIndex { get; private set; }

    /// <summary>Stored encrypted; found through <see cref="BirthDateIndex"/>.</summary>
    public DateOnly? BirthDate { get; private set; }

    public string? BirthDateIndex { get; private set; }

    public Sex? Sex { get; private set; }

    /// <summary>Keyed hash of the name's tone-less pinyin letters: the candidate key of fuzzy matching.</summary>
    public string? NameKeyIndex { get; private set; }

    /// <summary>The record this one was linked to (null for the root of a cluster).</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>The root of this record's cluster (itself when not linked); kept in step with <see cref="MergedIntoId"/>.</summary>
    public Guid RootId { get; private set; }

    /// <summary>Why it was linked: <c>id-number</c>, <c>phone</c> (automatic, exact) or <c>confirmed</c> (a person decided).</summary>
    public string? MergeReason { get; private set; }

    public DateTimeOffset? MergedAt { get; private set; }

    public Guid? MergedByUserId { get; private set; }

    public Guid RecordedByAgencyId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsRoot => MergedIntoId is null;

    /// <summary>
    /// Records a person. <paramref name="indexes"/> are computed outside the domain (they need the
    /// index key); a record without indexes is kept but never matched (a confidential reporter).
    /// </summary>
    public static Person Record(Guid id, PersonDetails details, PersonIndexes indexes, Guid recordedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(indexes);
        var name = string.IsNullOrWhiteSpace(details.Name) ? null : details.Name.Trim();
        if (name is { Length: > NameMaxLength })
        {
            throw new DomainRuleViolationException("person.name", "A name is at most 100 characters.");
        }

        if (name is null && details.IdNumber is null && details.Phone is null)
        {
            throw new DomainRuleViolationException("person.identity", "A person needs a name, an ID number or a phone number.");
        }

        var birthDate = details.IdNumber?.BirthDate ?? details.BirthDate;
        var sex = details.IdNumber?.Sex ?? details.Sex;
        return new Person
        {
            Id = id,
            Name = name,
            IdNumber = details.IdNumber?.Value,
            IdNumberIndex = details.IdNumber is null ? null : indexes.IdNumber,
            Phone = details.Phone?.E164,
            PhoneIndex = details.Phone is null ? null : indexes.Phone,
            BirthDate = birthDate,
            BirthDateIndex = birthDate is null ? null : indexes.BirthDate,
            Sex = sex,
            NameKeyIndex = name is null ? null : indexes.NameKey,
            RootId = id,
            RecordedByAgencyId = recordedBy,
            CreatedAt = at,
        };
    }

    /// <summary>What the matcher compares.</summary>
    public PersonCandidate AsCandidate() => new(Name ?? string.Empty, BirthDate, Sex);

    internal void PointTo(Guid? mergedInto, string? reason, Guid? by, DateTimeOffset? at)
    {
        MergedIntoId = mergedInto;
        MergeReason = reason;
        MergedByUserId = by;
        MergedAt = at;
    }

    internal void MoveTo(Guid rootId) => RootId = rootId;
}

/// <summary>What was said about a person at intake, already validated.</summary>
public sealed record PersonDetails(string? Name, ResidentIdNumber? IdNumber, PhoneNumber? Phone, DateOnly? BirthDate, Sex? Sex);

/// <summary>Keyed hashes of a person's identifying values (see the web layer's field cipher).</summary>
public sealed record PersonIndexes(string? IdNumber, string? Phone, string? BirthDate, string? NameKey)
{
    public static readonly PersonIndexes None = new(null, null, null, null);
}
