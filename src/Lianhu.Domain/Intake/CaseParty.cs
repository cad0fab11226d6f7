namespace Lianhu.Domain.Intake;

/// <summary>
/// A person in a case with their role. The person row holds what was recorded about them at this
/// intake; the person index links rows that are the same human being (<see cref="People.PersonCluster"/>).
/// </summary>
public sealed class CaseParty
{
    private CaseParty()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid PersonId { get; private set; }

    public PartyRole Role { get; private set; }

    /// <summary>Position in the intake's party list (the order the worker entered them).</summary>
    public int Position { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The party's disability (the kebab-case id of a <see cref="DisabilityKind"/>), null when none was
    /// recorded. Health data: encrypted at rest, so routing reads it in memory.
    /// </summary>
    public string? Disability { get; private set; }

    public bool IsDisabled => Disability is not null;

    public static CaseParty Add(Guid id, Guid caseId, Guid personId, PartyRole role, int position, DateTimeOffset at, DisabilityKind? disability = null) =>
        new() { Id = id, CaseId = caseId, PersonId = personId, Role = role, Position = position, CreatedAt = at, Disability = disability is { } d ? Common.StableName.Of(d) : null };
}
