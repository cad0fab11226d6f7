using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>The real host on a real loopback port (Kestrel), for a browser to talk to.</summary>
public sealed class KestrelSqliteFactory : SqliteFactory
{
    public KestrelSqliteFactory() => UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

    public string BaseAddress
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }
}
