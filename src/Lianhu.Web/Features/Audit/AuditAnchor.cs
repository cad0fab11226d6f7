using System.Globalization;
using Lianhu.Domain.Access;
using Lianhu.Web.Security;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// The chain's head (index and hash) written OUTSIDE the database after every sealing, next to the
/// key ring by default (<c>Lianhu:Audit:AnchorPath</c>). Without it, deleting the newest events
/// would leave a shorter chain that still verifies; with it, verification knows how long the chain was.
/// </summary>
public sealed class AuditAnchor(IConfiguration configuration, FieldCipher cipher)
{
    public string Path { get; } = configuration["Lianhu:Audit:AnchorPath"] is { Length: > 0 } configured
        ? System.IO.Path.GetFullPath(configured)
        : System.IO.Path.Combine(cipher.KeyRingPath, "audit-anchor");

    public (long Index, string Hash)? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        var parts = File.ReadAllText(Path).Trim().Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
    }

    public void Write(long index, string hash)
    {
        if (Read() is { } current && current.Index >= index)
        {
            return; // another node already anchored a longer chain
        }

        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = $"{Path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, $"{index.ToString(CultureInfo.InvariantCulture)} {hash}");
        File.Move(temp, Path, overwrite: true);
    }

    /// <summary>A break when the database chain is shorter than anchored, or differs at the anchored index.</summary>
    public ChainBreak? Check(long sealedCount, Func<long, (Guid Id, string? Hash)?> eventAt)
    {
        if (Read() is not { } anchor)
        {
            return null;
        }

        if (sealedCount < anchor.Index)
        {
            return new ChainBreak(Guid.Empty, sealedCount + 1, $"the chain ends at {sealedCount} but {anchor.Index} events were anchored (the newest events were removed)");
        }

        var at = eventAt(anchor.Index);
        return at is { } e && !string.Equals(e.Hash, anchor.Hash, StringComparison.Ordinal)
            ? new ChainBreak(e.Id, anchor.Index, "it differs from the anchored head of the chain")
            : null;
    }
}
