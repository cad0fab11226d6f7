using System.Globalization;
using Lianhu.Web.Security;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// The chain's head (index, hash and event id) written OUTSIDE the database after every sealing,
/// next to the key ring by default (<c>Lianhu:Audit:AnchorPath</c>), with a keyed MAC so it cannot
/// be rewritten to match a shortened chain. Without it, deleting the newest events would leave a
/// shorter chain that still verifies; with it, verification knows how long the chain was (ADR 0012, 0023).
/// <para>Format: <c>v2 &lt;index&gt; &lt;hash&gt; &lt;event id&gt; &lt;key id&gt;:&lt;mac&gt;</c>. An anchor written before
/// MACs (<c>&lt;index&gt; &lt;hash&gt;</c>) is read as unsigned; the next sealing replaces it.</para>
/// </summary>
public sealed class AuditAnchor(IConfiguration configuration, FieldCipher cipher, AuditSignature signature)
{
    /// <summary>What the anchor file says; <see cref="Signed"/> is false for a pre-MAC anchor or one whose MAC does not verify.</summary>
    public sealed record Head(long Index, string Hash, Guid? EventId, bool Signed, bool Legacy);

    /// <summary>
    /// Held by a sealer from its commit until its anchor is written, and by the verifier while it
    /// compares chain and anchor: without it a verification between a sealer's commit and its
    /// anchor write saw a chain one batch longer than the anchor and reported an old anchor.
    /// </summary>
    public SemaphoreSlim Moving { get; } = new(1, 1);

    public string Path { get; } = configuration["Lianhu:Audit:AnchorPath"] is { Length: > 0 } configured
        ? System.IO.Path.GetFullPath(configured)
        : System.IO.Path.Combine(cipher.KeyRingPath, "audit-anchor");

    /// <summary>The anchored head, or null when there is no anchor file.</summary>
    public Head? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        var parts = File.ReadAllText(Path).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["v2", var index, var hash, var eventId, var mac] && long.TryParse(index, CultureInfo.InvariantCulture, out var i) && Guid.TryParse(eventId, out var id))
        {
            return new Head(i, hash, id, signature.IsValidAnchor(Content(i, hash, id), mac), Legacy: false);
        }

        return parts is [var oldIndex, var oldHash] && long.TryParse(oldIndex, CultureInfo.InvariantCulture, out var legacy)
            ? new Head(legacy, oldHash, null, Signed: false, Legacy: true)
            : new Head(0, string.Empty, null, Signed: false, Legacy: false); // unreadable: treated as forged
    }

    /// <summary>Anchors a new head unless a signed anchor already records a longer chain (another node got there first).</summary>
    public void Write(long index, string hash, Guid eventId)
    {
        if (Read() is { Signed: true } current && current.Index >= index)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var line = string.Join(' ', "v2", index.ToString(CultureInfo.InvariantCulture), hash, eventId.ToString("N"), signature.SignAnchor(Content(index, hash, eventId)));
        // Owner-only, like the key ring and the database files (the anchor names the chain's head), and
        // whole or not at all: a crash mid-write keeps the previous anchor (ADR 0030).
        Security.DurableFile.Write(Path, line, overwrite: true);
    }

    private static string Content(long index, string hash, Guid eventId) =>
        string.Join('\n', "audit-anchor-v2", index.ToString(CultureInfo.InvariantCulture), hash, eventId.ToString("N"));
}
