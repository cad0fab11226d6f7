using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Sharing;

/// <summary>What allows sharing a case with a non-statutory body: the person's consent or a law.</summary>
public enum SharingBasisKind
{
    Consent,
    LegalBasis,
}

/// <summary>Who consented: the victim, or a guardian for a minor (or a person without capacity).</summary>
public enum ConsentGiver
{
    Victim,
    Guardian,
}

/// <summary>How the consent was given.</summary>
public enum ConsentMethod
{
    Written,
    Verbal,
    Electronic,
}

/// <summary>
/// A recorded consent or legal basis for sharing a case with one agency (or every agency of a type):
/// which sections, who gave it and how, until when. Sharing with a non-statutory body (social-work
/// group, counselling centre; <see cref="SharingPolicy"/>) needs one in force. A record is never
/// edited: consent given again is a new record; withdrawal stamps the time and is final (a second
/// withdrawal throws, 409).
/// </summary>
public sealed class CaseConsent
{
    public const int CitationMaxLength = 500;
    public const int NoteMaxLength = 2000;

    private CaseConsent()
    {
        Sections = [];
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public SharingBasisKind Basis { get; private set; }

    /// <summary>For a consent: who gave it and how.</summary>
    public ConsentGiver? GivenBy { get; private set; }

    public ConsentMethod? Method { get; private set; }

    /// <summary>For a legal basis: its id in the sharing policy (<c>court-order</c>, …) and the citation (article, order number).</summary>
    public string? LegalBasis { get; private set; }

    public string? Citation { get; private set; }

    /// <summary>The agency it covers; null = every agency of <see cref="AgencyType"/>.</summary>
    public Guid? AgencyId { get; private set; }

    public AgencyType AgencyType { get; private set; }

    public IReadOnlyList<CaseSection> Sections { get; private set; }

    /// <summary>When it lapses; a consent always has one, a legal basis may not.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Free text; case content, encrypted at rest.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    public Guid RecordedByAgencyId { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public Guid? WithdrawnByUserId { get; private set; }

    /// <summary>Why it was withdrawn; case content, encrypted at rest.</summary>
    public string? WithdrawalReason { get; private set; }

    public int Version { get; private set; }

    public bool IsInForceAt(DateTimeOffset at) => WithdrawnAt is null && (ExpiresAt is not { } expires || expires > at);

    public bool Covers(Guid agencyId, AgencyType type) => AgencyId is { } id ? id == agencyId : AgencyType == type;

    /// <summary>The state at <paramref name="at"/>: <c>in-force</c>, <c>expired</c> or <c>withdrawn</c>.</summary>
    public string StateAt(DateTimeOffset at) => WithdrawnAt is not null ? "withdrawn" : IsInForceAt(at) ? "in-force" : "expired";

    /// <summary>Where the agency is chosen: one agency, or all agencies of a type.</summary>
    public sealed record Target(Guid? AgencyId, AgencyType Type);

    /// <summary>Who records it, and when.</summary>
    public sealed record Recorder(Guid UserId, Guid AgencyId, DateTimeOffset At);

    public static CaseConsent Consent(
        Guid id, Guid caseId, ConsentGiver givenBy, ConsentMethod method, Target target, IReadOnlyCollection<CaseSection> sections, DateTimeOffset expiresAt, string? note, Recorder by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (expiresAt <= by.At)
        {
            throw new DomainRuleViolationException("consent.expiry-past", "A consent expires after it is recorded.");
        }

        var record = New(id, caseId, SharingBasisKind.Consent, target, sections, expiresAt, note, by);
        record.GivenBy = givenBy;
        record.Method = method;
        return record;
    }

    public static CaseConsent Legal(
        Guid id, Guid caseId, string legalBasis, string citation, Target target, IReadOnlyCollection<CaseSection> sections, DateTimeOffset? expiresAt, string? note, Recorder by)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(legalBasis);
        ArgumentException.ThrowIfNullOrWhiteSpace(citation);
        if (expiresAt is { } expires && expires <= by.At)
        {
            throw new DomainRuleViolationException("consent.expiry-past", "A legal basis given with an end lapses after it is recorded.");
        }

        var record = New(id, caseId, SharingBasisKind.LegalBasis, target, sections, expiresAt, note, by);
        record.LegalBasis = legalBasis;
        record.Citation = citation.Trim();
        return record;
    }

    /// <summary>Withdraws the consent (or revokes the legal basis) from <paramref name="at"/> on; sharing stops at once.</summary>
    public void Withdraw(Guid by, string? reason, DateTimeOffset at)
    {
        if (WithdrawnAt is not null)
        {
            throw new DomainRuleViolationException("consent.already-withdrawn", "This consent was already withdrawn.");
        }

        WithdrawnAt = at.ToUniversalTime();
        WithdrawnByUserId = by;
        WithdrawalReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Version++;
    }

    private static CaseConsent New(
        Guid id, Guid caseId, SharingBasisKind basis, Target target, IReadOnlyCollection<CaseSection> sections, DateTimeOffset? expiresAt, string? note, Recorder by)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sections);
        if (sections.Count == 0)
        {
            throw new DomainRuleViolationException("consent.no-sections", "A consent shares at least one section.");
        }

        return new CaseConsent
        {
            Id = id,
            CaseId = caseId,
            Basis = basis,
            AgencyId = target.AgencyId,
            AgencyType = target.Type,
            Sections = [.. sections.Distinct().Order()],
            ExpiresAt = expiresAt?.ToUniversalTime(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedAt = by.At.ToUniversalTime(),
            RecordedByUserId = by.UserId,
            RecordedByAgencyId = by.AgencyId,
            Version = 1,
        };
    }
}
