using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Cli;

/// <summary>The built program's verbs, run as processes from a directory that is not the build output.</summary>
public sealed class ProgramVerbsTests : IDisposable
{
    private readonly string workDir = Directory.CreateTempSubdirectory("lianhu-cli-").FullName;

    [Fact]
    public async Task DemoAccountsJson_ListsOneAccountPerRolePerAgency_WithTheDocumentedFields()
    {
        var result = await LianhuProgram.RunAsync(workDir, null, "demo-accounts", "--json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var accounts = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        accounts.Count.ShouldBeGreaterThan(100);
        foreach (var field in new[] { "username", "password", "agencyType", "agencyId", "role", "divisionCode", "tier" })
        {
            accounts.Where(a => !a.TryGetProperty(field, out var _)).ShouldBeEmpty(field);
        }

        accounts.Select(a => a.GetProperty("agencyType").GetString()).Distinct().Count().ShouldBe(23);
        accounts.Select(a => a.GetProperty("tier").GetString()).Distinct().Order().ShouldBe(["city", "community", "district", "town"]);
        accounts.Select(a => a.GetProperty("username").GetString()).Distinct().Count().ShouldBe(accounts.Count);
    }

    [Fact]
    public async Task Migrate_CreatesTheSqliteFileInTheWorkingDirectory_AndCheckThenReportsNothingPending()
    {
        var migrate = await LianhuProgram.RunAsync(workDir, null, "migrate");
        migrate.ExitCode.ShouldBe(0, migrate.Stderr);
        File.Exists(Path.Combine(workDir, "lianhu.db")).ShouldBeTrue();

        var check = await LianhuProgram.RunAsync(workDir, null, "migrate", "--check");
        check.ExitCode.ShouldBe(0, check.Stdout + check.Stderr);
    }

    [Fact]
    public async Task Demo_Serves_OnTheGivenUrl_FromAnyWorkingDirectory()
    {
        var port = FreePort();
        using var server = LianhuProgram.Start(workDir, null, "--demo", "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitReadyAsync(http);
            (await http.GetAsync("/lib/bootstrap/bootstrap.min.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.GetStringAsync("/signin")).ShouldContain("登录");
            File.Exists(Path.Combine(workDir, "lianhu.db")).ShouldBeTrue();
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task AuditVerify_PassesOnTheDemo_ThenFailsNamingTheEventAfterARowIsEdited()
    {
        var port = FreePort();
        using (var server = LianhuProgram.Start(workDir, null, "--demo", "--urls", $"http://127.0.0.1:{port}"))
        {
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitReadyAsync(http);
                var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "440300.linkage-centre.caseworker", password = "Lianhu-Demo-2026!" }))
                    .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
                http.DefaultRequestHeaders.Authorization = new("Bearer", token);
                var created = await http.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "审计", divisionCode = "440306017001" });
                created.StatusCode.ShouldBe(HttpStatusCode.Created);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }

        var intact = await LianhuProgram.RunAsync(workDir, null, "audit", "verify");
        intact.ExitCode.ShouldBe(0, intact.Stdout + intact.Stderr);
        intact.Stdout.ShouldContain("intact");

        // Issue 12, finding 9: a row inserted unsealed is not sealed by verify, which names it.
        var forged = Guid.CreateVersion7().ToString().ToUpperInvariant();
        await SqlAsync($"INSERT INTO audit_events (\"Id\", \"At\", \"UserId\", \"AgencyId\", \"Role\", \"Action\", \"EntityType\", \"EntityId\", \"CaseId\", \"Mac\") SELECT '{forged}', \"At\", \"UserId\", \"AgencyId\", \"Role\", \"Action\", \"EntityType\", \"EntityId\", \"CaseId\", \"Mac\" FROM audit_events WHERE \"Action\" = 'case.create'");
        var inserted = await LianhuProgram.RunAsync(workDir, null, "audit", "verify");
        inserted.ExitCode.ShouldBe(1, inserted.Stdout + inserted.Stderr);
        inserted.Stderr.ShouldContain(forged.ToLowerInvariant());
        await SqlAsync($"DELETE FROM audit_events WHERE \"Id\" = '{forged}'");

        // A lost anchor is reported, and re-written only when asked by someone holding the key ring.
        File.Delete(Path.Combine(workDir, "lianhu-keys", "audit-anchor"));
        var unanchored = await LianhuProgram.RunAsync(workDir, null, "audit", "verify");
        unanchored.ExitCode.ShouldBe(1, unanchored.Stdout + unanchored.Stderr);
        unanchored.Stderr.ShouldContain("anchor is missing");
        var reAnchored = await LianhuProgram.RunAsync(workDir, null, "audit", "verify", "--re-anchor");
        reAnchored.ExitCode.ShouldBe(0, reAnchored.Stdout + reAnchored.Stderr);
        reAnchored.Stderr.ShouldContain("RE-WRITTEN");

        string edited;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(workDir, "lianhu.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_events SET \"Action\" = 'case.read' WHERE \"Action\" = 'case.create' RETURNING \"Id\"";
            edited = (string)(await command.ExecuteScalarAsync())!;
        }

        var broken = await LianhuProgram.RunAsync(workDir, null, "audit", "verify");
        broken.ExitCode.ShouldBe(1);
        broken.Stderr.ShouldContain(edited.ToLowerInvariant());
    }

    [Fact]
    public async Task SeedDemo_IsRefusedAgainstPostgres()
    {
        var env = new Dictionary<string, string>
        {
            ["Lianhu__Database__Provider"] = "postgres",
            ["Lianhu__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
        };
        var result = await LianhuProgram.RunAsync(workDir, env, "seed-demo");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("refused on PostgreSQL");
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(workDir, "lianhu.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(workDir, recursive: true);
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the demo service did not answer /health/ready within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
