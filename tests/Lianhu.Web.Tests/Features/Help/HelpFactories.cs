using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Help;

/// <summary>The public door's settings for tests: a form held one second is old enough; limits out of the way unless a test is about them.</summary>
public static class HelpSettings
{
    public const string ExitUrl = "http://exit.test/weather";

    public static IEnumerable<KeyValuePair<string, string?>> Roomy =>
    [
        new("Lianhu:Help:MinFormSeconds", "1"),
        new("Lianhu:Help:ExitUrl", ExitUrl),
        new("Lianhu:RateLimits:HelpPerMinute", "100000"),
        new("Lianhu:RateLimits:HelpPostsPerMinute", "100000"),
        new("Lianhu:RateLimits:HelpConcurrency", "64"),
    ];

    /// <summary>Tight per-address limits, so a test can reach them.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Tight =>
    [
        new("Lianhu:Help:MinFormSeconds", "1"),
        new("Lianhu:RateLimits:HelpPerMinute", "5"),
        new("Lianhu:RateLimits:HelpPostsPerMinute", "3"),
    ];
}

public sealed class HelpSqliteFactory : SqliteFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => HelpSettings.Roomy;
}

public sealed class HelpPostgresFactory : PostgresFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => HelpSettings.Roomy;
}

public sealed class TightHelpSqliteFactory : SqliteFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => HelpSettings.Tight;
}

/// <summary>The real host on a loopback port for the browser, with the test exit URL.</summary>
public sealed class HelpKestrelFactory : SqliteFactory
{
    public HelpKestrelFactory() => UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => HelpSettings.Roomy;

    public string BaseAddress
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }
}
