using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Lianhu.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy (<c>Lianhu:Proxy:KnownProxies</c> addresses, <c>Lianhu:Proxy:KnownNetworks</c>
/// CIDR ranges): the client's address and scheme are taken from <c>X-Forwarded-For</c>/<c>-Proto</c> sent by
/// those proxies only, so audit, rate limits and the cookies' <c>Secure</c> flag see the real request.
/// With neither set, forwarded headers are ignored.
/// </summary>
public static class ProxyOptions
{
    public const string Section = "Lianhu:Proxy";

    public static ForwardedHeadersOptions? From(IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = configuration.GetValue($"{Section}:ForwardLimit", 1),
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }

        return options;
    }
}
