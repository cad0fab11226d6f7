using System.Collections.Concurrent;
using System.Security.Claims;
using Lianhu.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Identity;

/// <summary>
/// Ends sessions and bearer tokens when an account's security stamp changes (lock, unlock, a
/// password or role change; ADR 0024). Every token and cookie carries the stamp it was issued
/// with; this compares it with the stamp in the database, which every node shares. Each node
/// remembers a user's stamp for at most <see cref="MaxAge"/> (one primary-key read per user per
/// few seconds, not per request), and forgets it at once when this node changes the account.
/// </summary>
public sealed class SessionGuard(TimeProvider time, IOptions<IdentityOptions> identity, IConfiguration configuration)
{
    public const int Capacity = 50_000;
    private readonly ConcurrentDictionary<Guid, (string? Stamp, DateTimeOffset ReadAt)> known = new();

    /// <summary>How long a node trusts the stamp it read (<c>Lianhu:Auth:SessionCheckSeconds</c>, at most 5).</summary>
    public TimeSpan MaxAge { get; } = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Lianhu:Auth:SessionCheckSeconds", 5.0), 0, 5));

    /// <summary>True when the principal's stamp is the account's current one.</summary>
    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, LianhuDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(db);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (!known.TryGetValue(userId, out var entry) || now - entry.ReadAt >= MaxAge || now < entry.ReadAt)
        {
            var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(ct);
            if (known.Count >= Capacity)
            {
                known.Clear();
            }

            entry = (current, now);
            known[userId] = entry;
        }

        return entry.Stamp is not null && string.Equals(entry.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>Called by this node after it changed an account's stamp, so it answers from the database at once.</summary>
    public void Forget(Guid userId) => known.TryRemove(userId, out _);
}

/// <summary>Runs after authentication: a principal whose stamp is no longer current is treated as anonymous (401 / sign-in page) and its cookie removed.</summary>
public sealed class SessionCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SessionGuard guard, LianhuDbContext db)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true && !await guard.IsCurrentAsync(context.User, db, context.RequestAborted))
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }
}
