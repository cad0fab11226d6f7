using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Identity;

/// <summary>
/// One password check for the token endpoint and the sign-in page that answers an unknown username
/// exactly as it answers a real one (ADR 0024): the same password-hash work every time (a locked or
/// not-yet-approved account is hashed against a stand-in too), and failures counted per unknown name
/// so that it "locks" after the same number of attempts for the same time. Nothing tells a guesser
/// which names are accounts.
/// </summary>
public sealed class PasswordCheck(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IPasswordHasher<StaffUser> hasher, UnknownNameLockout unknownNames)
{
    public enum Outcome
    {
        Succeeded,
        LockedOut,
        Failed,
    }

    public async Task<(Outcome Outcome, StaffUser? User)> CheckAsync(string username, string password)
    {
        var user = await users.FindByNameAsync(username.Trim());
        if (user is null)
        {
            unknownNames.Hash(hasher, password);
            return (unknownNames.Fail(username), null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return (Outcome.Succeeded, user);
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            unknownNames.Hash(hasher, password); // Identity answers these before hashing: spend the same time
        }

        return (result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed, null);
    }
}

/// <summary>Per-node failure counts of names that are no account (bounded), and the stand-in hash they are checked against.</summary>
public sealed class UnknownNameLockout(IOptions<IdentityOptions> identity, TimeProvider time)
{
    public const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> names = new(StringComparer.OrdinalIgnoreCase);
    private string? standIn;

    public void Hash(IPasswordHasher<StaffUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var stand = new StaffUser();
        standIn ??= hasher.HashPassword(stand, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(stand, standIn, password);
    }

    public PasswordCheck.Outcome Fail(string username)
    {
        var lockout = identity.Value.Lockout;
        var now = time.GetUtcNow();
        if (names.Count >= Capacity)
        {
            names.Clear();
        }

        var key = username.Trim();
        var entry = names.GetValueOrDefault(key);
        if (entry.LockedUntil > now)
        {
            return PasswordCheck.Outcome.LockedOut;
        }

        var failures = entry.Failures + 1;
        if (failures >= lockout.MaxFailedAccessAttempts)
        {
            names[key] = (0, now + lockout.DefaultLockoutTimeSpan);
            return PasswordCheck.Outcome.LockedOut;
        }

        names[key] = (failures, default);
        return PasswordCheck.Outcome.Failed;
    }
}
