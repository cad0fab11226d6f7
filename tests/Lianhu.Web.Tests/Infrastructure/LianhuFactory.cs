using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Features.Divisions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>
/// The real host (Program, all middleware, real database) for one test class, on one provider,
/// with the demo city seeded as ordinary (non-demo) accounts so SQLite and PostgreSQL run the
/// same tests with the same people.
/// </summary>
public abstract class LianhuFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = DemoCity.Password;

    private readonly Dictionary<string, string> tokens = [];
    private readonly SemaphoreSlim tokenLock = new(1, 1);

    protected LianhuFactory() => City = DemoCity.Load(DivisionImporter.FileFor(DemoCity.City));

    public DemoCity City { get; }

    /// <summary>This host's field-encryption key ring (a fresh temp directory).</summary>
    public string KeyRingPath { get; } = Path.Combine(Path.GetTempPath(), $"lianhu-test-keys-{Guid.NewGuid():N}");

    public abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    /// <summary>Extra configuration for a test class (e.g. a short lockout).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>The host's clock for a test class (e.g. a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>); null keeps the system clock.</summary>
    protected virtual TimeProvider? Time => null;

    public async Task InitializeAsync()
    {
        if (this is IPostgresTests && !PostgresServer.Available)
        {
            return; // every test of the class is reported skipped by ProviderFact
        }

        _ = Services; // starts the host: migrations run exactly as in production
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedCityAsync(Password, markDemo: false);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Lianhu:Database:Provider", Provider);
        builder.UseSetting("Lianhu:Database:ConnectionString", ConnectionString);
        builder.UseSetting("Lianhu:RateLimits:SignInPerMinute", "100000");
        // Every test request comes from one address: the public door's per-address limits are tested by their own hosts.
        builder.UseSetting("Lianhu:RateLimits:HelpPerMinute", "100000");
        builder.UseSetting("Lianhu:RateLimits:HelpPostsPerMinute", "100000");
        builder.UseSetting("Lianhu:RateLimits:ConsultationPerMinute", "100000");
        builder.UseSetting("Lianhu:Webhooks:Scanner", "false"); // webhook tests run deliveries by hand
        // The webhook tests' receiver is an in-process handler under this name; the city allows it by name (ADR 0024).
        builder.UseSetting("Lianhu:Webhooks:AllowedHosts:0", "receiver.example");
        builder.UseSetting("Lianhu:Encryption:KeyRingPath", KeyRingPath);
        builder.UseSetting("Lianhu:Encryption:CreateKeys", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Time is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    /// <summary>The demo account of the first agency of a type inside a division, with a role.</summary>
    public DemoAccount Account(AgencyType type, string divisionPrefix, Role role = Role.Caseworker) =>
        City.Accounts.First(a => a.Agency.Type == type && a.Agency.Division.Value.StartsWith(divisionPrefix, StringComparison.Ordinal) && a.Role == role);

    public async Task<string> TokenAsync(string username)
    {
        await tokenLock.WaitAsync();
        try
        {
            if (!tokens.TryGetValue(username, out var token))
            {
                using var client = CreateClient();
                var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password });
                response.EnsureSuccessStatusCode();
                token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.access_token;
                tokens[username] = token;
            }

            return token;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    /// <summary>An API client signed in as the account, speaking the given language.</summary>
    public async Task<HttpClient> ClientAsAsync(DemoAccount account, string language = "zh-CN")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(account.Username));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private sealed record TokenBody(string access_token, string token_type, long expires_in);
}

public class SqliteFactory : LianhuFactory
{
    public override string Provider => "sqlite";

    /// <summary>This host's database file (a fresh temp file).</summary>
    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"lianhu-test-{Guid.NewGuid():N}.db");

    protected override string ConnectionString => $"Data Source={DatabaseFile}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabaseFile + suffix);
        }

        GC.SuppressFinalize(this);
    }
}

public class PostgresFactory : LianhuFactory, IPostgresTests
{
    private readonly Lazy<string> connectionString = new(() => PostgresServer.CreateDatabase("lianhu_test"));

    public override string Provider => "postgres";

    protected override string ConnectionString => connectionString.Value;
}
