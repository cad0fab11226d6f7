namespace Lianhu.Web.Identity;

/// <summary>Gives handlers the acting user of the current request (scoped).</summary>
public sealed class CurrentUserAccessor(IHttpContextAccessor http)
{
    private CurrentUser? cached;

    public CurrentUser? User => cached ??= http.HttpContext is { } ctx
        ? CurrentUser.From(ctx.User, ctx.Connection.RemoteIpAddress?.ToString())
        : null;

    /// <summary>The acting user; throws when called outside an authenticated staff request (a bug, not a user error).</summary>
    public CurrentUser Required => User ?? throw new InvalidOperationException("No authenticated staff user on this request.");
}
