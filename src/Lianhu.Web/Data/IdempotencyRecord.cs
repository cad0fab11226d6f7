namespace Lianhu.Web.Data;

/// <summary>
/// A request that was handled under an <c>Idempotency-Key</c>: a retry with the same key and the
/// same body gets the stored answer; the same key with another body is refused. Scoped per user;
/// expires after 24 h. The response is stored encrypted (it holds case content); the request
/// only as a keyed hash.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 200;

    private IdempotencyRecord()
    {
        Key = string.Empty;
        RequestHash = string.Empty;
        Response = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Key { get; private set; }

    public string RequestHash { get; private set; }

    public int StatusCode { get; private set; }

    /// <summary>The Location header of a 201 answer.</summary>
    public string? Location { get; private set; }

    public string Response { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static IdempotencyRecord Create(
        Guid id, Guid userId, string key, string requestHash, int statusCode, string? location, string response, DateTimeOffset at, TimeSpan lifetime) => new()
        {
            Id = id,
            UserId = userId,
            Key = key,
            RequestHash = requestHash,
            StatusCode = statusCode,
            Location = location,
            Response = response,
            CreatedAt = at,
            ExpiresAt = at + lifetime,
        };
}
