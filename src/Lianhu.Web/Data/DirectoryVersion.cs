using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lianhu.Web.Data;

/// <summary>
/// A counter that moves whenever this process saves a change to the agency directory or to an
/// agency's webhook, so that what <see cref="DirectoryCache"/> keeps is dropped at
/// once on the node where an administrator made the change (other nodes drop it on expiry). It is
/// process-wide on purpose: a change seen by one host only costs the others a reload.
/// </summary>
public static class DirectoryVersion
{
    private static long current;

    public static long Current => Interlocked.Read(ref current);

    public static void Bump() => Interlocked.Increment(ref current);

    /// <summary>Whether a tracked entry is a directory row being added, changed or removed.</summary>
    public static bool Touches(EntityEntry entry, EntityState state) =>
        entry.Entity is Agency or AgencyWebhook && state is EntityState.Added or EntityState.Modified or EntityState.Deleted;
}
