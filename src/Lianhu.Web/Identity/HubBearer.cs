using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Lianhu.Web.Identity;

/// <summary>
/// API clients reach the live hubs (<c>/hubs/…</c>) with their bearer token: in the
/// <c>Authorization</c> header, or — because browsers cannot set headers on WebSockets and
/// server-sent events, so SignalR's clients send it this way — as <c>access_token</c> in the query,
/// accepted on the hub paths only. Pages keep the cookie. The token then meets the same checks as
/// on the API: its expiry, the account's security stamp (<see cref="SessionCheck"/>) and the policy.
/// </summary>
public static class HubBearer
{
    public const string HubPrefix = "/hubs";
    public const string QueryName = "access_token";

    /// <summary>True for a hub request that brings a bearer token (header or query) instead of the page's cookie.</summary>
    public static bool Carries(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(HubPrefix)
            && (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || request.Query.ContainsKey(QueryName));
    }

    /// <summary>The bearer scheme's hook: takes the token from the query on hub paths only.</summary>
    public static Task FromQuery(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(HubPrefix) && context.Request.Query[QueryName].ToString() is { Length: > 0 } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }
}
