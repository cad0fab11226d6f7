using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// The two lookups every intake makes, in one round trip: earlier person records with one of the
/// new parties' ID-number or phone keys (for <see cref="Persons.PersonLinker"/>), and earlier
/// intakes at the same address (for <see cref="RepeatAlarms"/>). Index columns only: nothing is
/// decrypted to find them.
/// </summary>
public static class IntakeLookup
{
    /// <summary>At most this many earlier records per intake are considered for exact links.</summary>
    public const int MaxPersonRows = 200;

    /// <summary>At most this many earlier intakes at one address are considered (newest first).</summary>
    public const int MaxAddressCases = 50;

    /// <summary>A person row (<see cref="IsCase"/> false) or an earlier intake's case at the address (true).</summary>
    public sealed class Row
    {
        public bool IsCase { get; init; }

        public Guid Id { get; init; }

        public Guid RootId { get; init; }

        public string? IdNumberIndex { get; init; }

        public string? PhoneIndex { get; init; }

        /// <summary>When the person record was made (persons are taken oldest first).</summary>
        public DateTimeOffset? CreatedAt { get; init; }
    }

    public sealed record Result(IReadOnlyList<Row> Persons, IReadOnlyList<Guid> AddressCases);

    public static async Task<Result> LoadAsync(LianhuDbContext db, IReadOnlyCollection<string> idKeys, IReadOnlyCollection<string> phoneKeys, string? addressIndex, CancellationToken ct)
    {
        var ids = idKeys.ToList();
        var phones = phoneKeys.ToList();
        var lookForPersons = ids.Count > 0 || phones.Count > 0;
        if (!lookForPersons && addressIndex is null)
        {
            return new Result([], []);
        }

        var persons = db.Persons.AsNoTracking()
            .Where(p => lookForPersons && (ids.Contains(p.IdNumberIndex!) || phones.Contains(p.PhoneIndex!)))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Take(MaxPersonRows)
            .Select(p => new Row { IsCase = false, Id = p.Id, RootId = p.RootId, IdNumberIndex = p.IdNumberIndex, PhoneIndex = p.PhoneIndex, CreatedAt = p.CreatedAt });
        var address = addressIndex ?? string.Empty;
        var cases = db.CaseIntakes.AsNoTracking()
            .Where(i => addressIndex != null && i.AddressIndex == address)
            .OrderByDescending(i => i.CaseId)
            .Take(MaxAddressCases)
            // The same column types on both sides of the UNION (PostgreSQL types a bare NULL as text); a case row's time is unused.
            .Select(i => new Row { IsCase = true, Id = i.CaseId, RootId = i.CaseId, IdNumberIndex = null, PhoneIndex = null, CreatedAt = i.OccurredAt });
        var rows = await persons.Concat(cases).ToListAsync(ct);
        return new Result(
            [.. rows.Where(r => !r.IsCase).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)],
            [.. rows.Where(r => r.IsCase).Select(r => r.Id)]);
    }
}
