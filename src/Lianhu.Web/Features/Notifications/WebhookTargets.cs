using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Where a webhook may point (ADR 0024): https (http only in demo mode), and a host whose every
/// address is public — no loopback, private, link-local, carrier-grade NAT, multicast or
/// unspecified address — unless the city names the host in <c>Lianhu:Webhooks:AllowedHosts</c>.
/// Checked when an administrator saves the URL and again, on the addresses actually connected to,
/// when an event is sent (<see cref="ConnectAsync"/>), so a name that later resolves to an internal
/// address (DNS rebinding) reaches nothing.
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options, IConfiguration configuration)
{
    private bool Demo => configuration.GetValue<bool>("Lianhu:Demo");

    /// <summary>Null when the URL may be saved; otherwise the error code (<c>webhook.url</c>, <c>webhook.https</c>, <c>webhook.host-unknown</c>, <c>webhook.private-target</c>).</summary>
    public async Task<string?> CheckAsync(string? url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || url!.Length > 500 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "webhook.url";
        }

        if (uri.Scheme != "https" && !Demo)
        {
            return "webhook.https";
        }

        if (IsAllowedHost(uri.IdnHost))
        {
            return null;
        }

        var addresses = await ResolveAsync(uri.IdnHost, ct);
        return addresses.Length == 0 ? "webhook.host-unknown" : addresses.Any(IsInternal) ? "webhook.private-target" : null;
    }

    /// <summary>A host the city's configuration names, whose addresses are not checked.</summary>
    public bool IsAllowedHost(string host) =>
        options.Value.AllowedHosts.Any(h => string.Equals(h.Trim().TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The webhook client's connect step: resolves the host, refuses internal addresses (unless the host
    /// is allowed) and connects to the first address that passed — the address checked is the address used.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, ct);
        var usable = IsAllowedHost(host) ? addresses : [.. addresses.Where(a => !IsInternal(a))];
        if (usable.Length == 0)
        {
            throw new HttpRequestException("webhook.private-target");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    /// <summary>Loopback, private, link-local, shared (CGNAT), multicast, unspecified or documentation-only addresses.</summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC;
        }

        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => true,
            100 => v4[1] is >= 64 and <= 127,
            169 => v4[1] == 254,
            172 => v4[1] is >= 16 and <= 31,
            192 => v4[1] == 168 || (v4[1] == 0 && v4[2] is 0 or 2),
            198 => v4[1] is 18 or 19,
            >= 224 => true,
            _ => false,
        };
    }
}
