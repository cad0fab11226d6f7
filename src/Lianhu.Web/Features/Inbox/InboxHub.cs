using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Hosting;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Lianhu.Web.Features.Inbox;

/// <summary>
/// The live inbox (<c>/hubs/inbox</c>), authenticated by the page's cookie or an API client's bearer token (<see cref="HubBearer"/>). Each connection joins
/// its agency's group and its user's group; the server only ever sends <c>inbox</c> messages with
/// a kind and ids (<see cref="InboxSignal"/>). Clients send nothing.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InboxHub : Hub
{
    public const string Path = "/hubs/inbox";
    public const string Method = "inbox";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is { } principal && CurrentUser.From(principal, null) is { } user)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, InboxSignal.AgencyGroup(user.AgencyId));
            await Groups.AddToGroupAsync(Context.ConnectionId, InboxSignal.UserGroup(user.UserId));
        }

        await base.OnConnectedAsync();
    }
}
