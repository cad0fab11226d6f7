using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lianhu.Domain.Access;

/// <summary>
/// The tamper-evident chain over audit events: each sealed event's hash covers its own content and
/// the previous event's hash, and chain indexes are contiguous, so editing any field of a sealed
/// event, deleting one, or reordering them breaks the chain from that event on.
/// </summary>
public static class AuditChain
{
    /// <summary>
    /// The event's own content, as its MAC covers it: everything but the chain fields. Made when the
    /// event is written, before it has a place in the chain.
    /// </summary>
    public static string ContentOf(AuditEvent e) => string.Join(
        '\u001f',
        "audit-event-v1",
        e.Id.ToString("N"),
        e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
        e.UserId?.ToString("N"),
        e.AgencyId?.ToString("N"),
        e.Role,
        e.Action,
        e.EntityType,
        e.EntityId,
        e.Section,
        e.Reason,
        e.ClientAddress,
        e.CaseId?.ToString("N"));

    public static string HashOf(AuditEvent e, string previousHash)
    {
        var canonical = string.Join(
            '\u001f',
            e.ChainIndex?.ToString(CultureInfo.InvariantCulture),
            e.Id.ToString("N"),
            e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.UserId?.ToString("N"),
            e.AgencyId?.ToString("N"),
            e.Role,
            e.Action,
            e.EntityType,
            e.EntityId,
            e.Section,
            e.Reason,
            e.ClientAddress,
            previousHash);
        if (e.Mac is not null)
        {
            // Events with a MAC also chain their case id and MAC; events sealed before keep the hash they had.
            canonical = string.Join('\u001f', canonical, e.CaseId?.ToString("N"), e.Mac);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The first problem in a chain read in index order, or null when it is intact.</summary>
    public static ChainBreak? Verify(IEnumerable<AuditEvent> sealedInOrder)
    {
        var expectedIndex = 1L;
        var previous = string.Empty;
        foreach (var e in sealedInOrder)
        {
            if (VerifyNext(e, expectedIndex, previous) is { } broken)
            {
                return broken;
            }

            previous = e.Hash!;
            expectedIndex++;
        }

        return null;
    }

    /// <summary>Checks one event given the index it should have and the previous event's hash.</summary>
    public static ChainBreak? VerifyNext(AuditEvent e, long expectedIndex, string previousHash)
    {
        if (e.ChainIndex != expectedIndex)
        {
            return new ChainBreak(e.Id, expectedIndex, $"chain index {e.ChainIndex} where {expectedIndex} was expected (an event before it was removed)");
        }

        if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new ChainBreak(e.Id, expectedIndex, "its link to the previous event does not match (an event before it was altered or removed)");
        }

        return string.Equals(e.Hash, HashOf(e, previousHash), StringComparison.Ordinal)
            ? null
            : new ChainBreak(e.Id, expectedIndex, "its content does not match its hash (the event was altered)");
    }
}

/// <summary>Where a chain breaks: the first event that does not verify.</summary>
public sealed record ChainBreak(Guid EventId, long ChainIndex, string Reason);
