using Lianhu.Domain.Common;

namespace Lianhu.Domain.Legal;

/// <summary>Where a victim is placed: a short emergency placement in the community, or a shelter.</summary>
public enum PlacementKind
{
    /// <summary>Community emergency placement, generally at most 24 h, then home or a shelter (a city rule, config/clocks).</summary>
    CommunityPlacement,

    /// <summary>A stay at a shelter, generally at most 10 days; longer must be filed with civil affairs (民发〔2015〕189号).</summary>
    ShelterStay,
}

public enum PlacementOutcome
{
    /// <summary>Moved on to a shelter (community placement only).</summary>
    Shelter,
    Home,

    /// <summary>Elsewhere: relatives, hospital, own new home …</summary>
    Other,
}

/// <summary>
/// An emergency placement or shelter stay (ADVL Art 18). It ends with an outcome; a community
/// placement that ends in a shelter leads to a new shelter stay. A shelter stay beyond the 10-day
/// guideline must be filed with civil affairs (<see cref="RecordCivilAffairsFiling"/>).
/// </summary>
public sealed class ShelterStay
{
    public const int LocationMaxLength = 500;
    public const int NoteMaxLength = 1000;

    private ShelterStay()
    {
        Location = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public PlacementKind Kind { get; private set; }

    /// <summary>Where the person is (a shelter's address is among the most sensitive facts of a case); stored encrypted.</summary>
    public string Location { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid StartedByUserId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The community placement this shelter stay continues, if any.</summary>
    public Guid? PreviousId { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public PlacementOutcome? Outcome { get; private set; }

    public string? OutcomeNote { get; private set; }

    public DateTimeOffset? CivilAffairsFiledAt { get; private set; }

    /// <summary>The civil-affairs filing's reference or note; stored encrypted.</summary>
    public string? CivilAffairsFiling { get; private set; }

    public int Version { get; private set; }

    public bool IsActive => EndedAt is null;

    public static ShelterStay Start(Guid id, Guid caseId, PlacementKind kind, string location, Guid agencyId, Guid by, DateTimeOffset startedAt, Guid? previousId = null)
    {
        var text = location?.Trim() ?? string.Empty;
        if (text.Length is 0 or > LocationMaxLength)
        {
            throw new DomainRuleViolationException("placement.location", $"Say where the person is placed, in 1–{LocationMaxLength} characters.");
        }

        return new ShelterStay
        {
            Id = id,
            CaseId = caseId,
            Kind = kind,
            Location = text,
            AgencyId = agencyId,
            StartedByUserId = by,
            StartedAt = startedAt.ToUniversalTime(),
            PreviousId = previousId,
            Version = 1,
        };
    }

    public void End(DateTimeOffset at, PlacementOutcome outcome, string? note)
    {
        if (!IsActive)
        {
            throw new DomainRuleViolationException("placement.already-ended", "The placement has already ended.");
        }

        if (at < StartedAt)
        {
            throw new DomainRuleViolationException("placement.time-order", "A placement cannot end before it started.");
        }

        if (outcome == PlacementOutcome.Shelter && Kind == PlacementKind.ShelterStay)
        {
            throw new DomainRuleViolationException("placement.outcome", "A shelter stay ends at home or elsewhere, not in a shelter.");
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            throw new DomainRuleViolationException("placement.note", $"A note has at most {NoteMaxLength} characters.");
        }

        EndedAt = at.ToUniversalTime();
        Outcome = outcome;
        OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Version++;
    }

    /// <summary>A stay going beyond the 10-day guideline was filed with civil affairs (报备).</summary>
    public void RecordCivilAffairsFiling(DateTimeOffset at, string reference)
    {
        if (Kind != PlacementKind.ShelterStay)
        {
            throw new DomainRuleViolationException("placement.not-shelter", "Only a shelter stay is filed with civil affairs.");
        }

        if (!IsActive)
        {
            throw new DomainRuleViolationException("placement.already-ended", "The placement has already ended.");
        }

        if (CivilAffairsFiledAt is not null)
        {
            throw new DomainRuleViolationException("placement.already-filed", "The stay has already been filed with civil affairs.");
        }

        var text = reference?.Trim() ?? string.Empty;
        if (text.Length is 0 or > NoteMaxLength)
        {
            throw new DomainRuleViolationException("placement.filing", $"Give the filing's reference or a note, in 1–{NoteMaxLength} characters.");
        }

        CivilAffairsFiledAt = at.ToUniversalTime();
        CivilAffairsFiling = text;
        Version++;
    }
}
