using System.Text.Json;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Consultation;

/// <summary>
/// The answers in force: the bundled entries, each replaced by its newest edit made in the platform
/// (edits are kept as versions, never overwritten; a retired entry is left out), indexed once per
/// change. Every node looks at the edit count at most every few seconds, so an administrator's edit
/// on one node reaches the assistant on all of them without a restart.
/// </summary>
public sealed class AnswerBook(ConsultationContent content, IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim building = new(1, 1);
    private (long Stamp, AnswerIndex Index)? current;
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

    public async Task<AnswerIndex> IndexAsync(CancellationToken ct)
    {
        if (current is { } fresh && time.GetUtcNow() - checkedAt < Recheck)
        {
            return fresh.Index;
        }

        await building.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            var stamp = await db.ConsultationAnswers.LongCountAsync(ct);
            checkedAt = time.GetUtcNow();
            if (current is { } same && same.Stamp == stamp)
            {
                return same.Index;
            }

            var entries = await EntriesAsync(db, ct);
            var index = new AnswerIndex([.. entries.Where(e => !e.Retired).Select(e => e.Entry)], content.Settings);
            var old = current?.Index;
            current = (stamp, index);
            old?.Dispose();
            return index;
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>An entry in force with where it comes from, for the administrators' list.</summary>
    public sealed record Effective(ConsultationEntry Entry, int Version, bool Retired, DateTimeOffset? EditedAt);

    /// <summary>Every entry, bundled and edited, with its newest version.</summary>
    public async Task<IReadOnlyList<Effective>> EntriesAsync(LianhuDbContext db, CancellationToken ct)
    {
        var edits = await db.ConsultationAnswers.AsNoTracking().ToListAsync(ct);
        var newest = edits.GroupBy(e => e.EntryId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Version)!, StringComparer.Ordinal);
        var result = new List<Effective>();
        foreach (var entry in content.Bundled)
        {
            result.Add(newest.Remove(entry.Id, out var edit) ? FromRecord(edit) : new Effective(entry, 0, false, null));
        }

        result.AddRange(newest.Values.OrderBy(e => e.EntryId, StringComparer.Ordinal).Select(FromRecord));
        return result;
    }

    private static Effective FromRecord(ConsultationAnswerRecord record) =>
        new(JsonSerializer.Deserialize<ConsultationEntry>(record.ContentJson, ConsultationContent.Options)!, record.Version, record.Retired, record.EditedAt);

    public void Dispose()
    {
        current?.Index.Dispose();
        building.Dispose();
    }
}
