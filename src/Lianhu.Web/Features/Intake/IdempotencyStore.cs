using System.Text.Json;
using Lianhu.Web.Data;
using Lianhu.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// Safe retries: remembers, per user and <c>Idempotency-Key</c>, a keyed hash of the request and
/// the answer given, written in the same transaction as the change itself.
/// </summary>
public sealed class IdempotencyStore(LianhuDbContext db, FieldCipher cipher, TimeProvider time, IOptions<IntakeOptions> options)
{
    public const string Header = "Idempotency-Key";
    private const string RequestPurpose = "idempotency.request";

    /// <summary>1–200 visible ASCII characters (a UUID is the usual choice).</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= IdempotencyRecord.KeyMaxLength } && key.All(c => c is > ' ' and <= '~');

    /// <summary>A keyed hash of the request as parsed (so spacing and property order do not matter, but every value does).</summary>
    public string Hash<T>(string operation, T request, JsonSerializerOptions json) =>
        cipher.BlindIndex(operation + "\n" + JsonSerializer.Serialize(request, json), RequestPurpose);

    /// <summary>The record for this user and key, live or expired (an expired one is removed with the next save).</summary>
    public async Task<IdempotencyRecord?> FindLiveAsync(Guid userId, string key, CancellationToken ct)
    {
        var found = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
        if (found is not null && found.ExpiresAt <= time.GetUtcNow())
        {
            db.IdempotencyRecords.Remove(found);
            return null;
        }

        return found;
    }

    public void Remember(Guid userId, string key, string requestHash, int statusCode, string? location, string response)
    {
        var now = time.GetUtcNow();
        db.IdempotencyRecords.Add(IdempotencyRecord.Create(
            Guid.CreateVersion7(now), userId, key, requestHash, statusCode, location, response, now, TimeSpan.FromHours(options.Value.IdempotencyHours)));
    }

    /// <summary>True when a save failed because another request with the same key won the race.</summary>
    public static bool IsKeyConflict(DbUpdateException exception) =>
        UniqueViolation.Is(exception, "IX_idempotency_keys_UserId_Key", "idempotency_keys.UserId, idempotency_keys.Key");

    /// <summary>Deletes expired records (called from time to time; a key's own expiry is also checked on every use).</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.WriteAsync(() => db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct));
    }
}
