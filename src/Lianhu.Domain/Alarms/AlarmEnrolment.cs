using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Alarms;

/// <summary>
/// A victim's enrolment in the one-key alarm: a discreet link (kept only as a keyed hash of its
/// token) and the PIN she chooses on first open (kept only as a slow hash). Only a medium- or
/// high-risk case may enrol (<see cref="MayEnrol"/>). Wrong PINs lock the link for a while; a
/// revoked enrolment never opens again (a new enrolment gives a new link). Illegal moves throw
/// <see cref="DomainRuleViolationException"/>.
/// </summary>
public sealed class AlarmEnrolment
{
    private AlarmEnrolment()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>Keyed hash of the link's token; the token itself is shown once and never stored.</summary>
    public string TokenHash { get; private set; }

    /// <summary>Slow hash of her PIN; null until she sets it on first open.</summary>
    public string? PinHash { get; private set; }

    public int FailedPins { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public Guid EnrolledByAgencyId { get; private set; }

    public Guid EnrolledByUserId { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? PinSetAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public Guid? RevokedByUserId { get; private set; }

    public bool IsActive => RevokedAt is null;

    public bool HasPin => PinHash is not null;

    /// <summary>The one rule of who may enrol: a case whose current common risk level is medium or high.</summary>
    public static bool MayEnrol(CommonRiskLevel? level) => level is CommonRiskLevel.Medium or CommonRiskLevel.High;

    public static AlarmEnrolment Enrol(Guid id, Guid caseId, CommonRiskLevel? level, string tokenHash, Guid agencyId, Guid userId, DateTimeOffset now)
    {
        if (!MayEnrol(level))
        {
            throw new DomainRuleViolationException("alarm.risk-too-low", "Only a victim of a medium- or high-risk case can be enrolled in the one-key alarm.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        return new AlarmEnrolment { Id = id, CaseId = caseId, TokenHash = tokenHash, EnrolledByAgencyId = agencyId, EnrolledByUserId = userId, EnrolledAt = now };
    }

    /// <summary>True while wrong PINs keep the link locked.</summary>
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Her first open: the PIN is set once; changing it needs a new enrolment.</summary>
    public void SetPin(string pinHash, DateTimeOffset now)
    {
        EnsureActive();
        if (HasPin)
        {
            throw new DomainRuleViolationException("alarm.pin-already-set", "The PIN is already set.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(pinHash);
        PinHash = pinHash;
        PinSetAt = now;
    }

    /// <summary>A wrong PIN: after <paramref name="attempts"/> in a row the link locks for <paramref name="lockFor"/>.</summary>
    /// <returns>True when this attempt locked the link.</returns>
    public bool WrongPin(DateTimeOffset now, int attempts, TimeSpan lockFor)
    {
        EnsureActive();
        if (IsLocked(now))
        {
            throw new DomainRuleViolationException("alarm.locked", "Too many wrong PINs; try again later.");
        }

        FailedPins++;
        if (FailedPins < attempts)
        {
            return false;
        }

        FailedPins = 0;
        LockedUntil = now + lockFor;
        return true;
    }

    /// <summary>A right PIN clears the count of wrong ones.</summary>
    public void RightPin(DateTimeOffset now)
    {
        EnsureActive();
        if (IsLocked(now))
        {
            throw new DomainRuleViolationException("alarm.locked", "Too many wrong PINs; try again later.");
        }

        FailedPins = 0;
        LockedUntil = null;
    }

    /// <summary>Lost phone: the link is dead at once.</summary>
    public void Revoke(Guid userId, DateTimeOffset now)
    {
        EnsureActive();
        RevokedAt = now;
        RevokedByUserId = userId;
    }

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw new DomainRuleViolationException("alarm.revoked", "The enrolment was revoked.");
        }
    }
}
