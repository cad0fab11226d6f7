using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Cli;

/// <summary>A restart never signs anyone out (issue 17, ADR 0030): the service is killed with SIGKILL, not stopped.</summary>
public sealed class RestartTests : IDisposable
{
    private const string Account = "440300.linkage-centre.caseworker";
    private const string DemoPassword = "Lianhu-Demo-2026!";
    private readonly string workDir = Directory.CreateTempSubdirectory("lianhu-restart-").FullName;

    [Fact]
    public async Task KillNine_ThenRestart_ATokenIssuedBeforeTheKill_IsStillAccepted()
    {
        var port = FreePort();
        string token;
        using (var first = Serve(port))
        {
            using var http = Client(port);
            await WaitReadyAsync(http);
            token = await TokenAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await http.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "重启", divisionCode = "440306017001" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            await KillAsync(first); // SIGKILL: no graceful shutdown, nothing flushed on the way out
        }

        using var second = Serve(port);
        try
        {
            using var http = Client(port);
            await WaitReadyAsync(http);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await http.GetAsync("/api/v1/cases?pageSize=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await KillAsync(second);
        }
    }

    [Fact]
    public async Task Restart_WithAKeyRingThatCannotOpenTheStoredKey_RefusesToStart_InsteadOfSigningEveryoneOut()
    {
        var port = FreePort();
        using (var first = Serve(port))
        {
            using var http = Client(port);
            await WaitReadyAsync(http);
            _ = await TokenAsync(http);
            await KillAsync(first);
        }

        // The field-encryption ring seals the data-protection key. A node started with another ring
        // (a wrong path, a lost copy) used to make itself a new key and answer every token 401.
        Directory.Move(Path.Combine(workDir, "lianhu-keys"), Path.Combine(workDir, "lianhu-keys-elsewhere"));
        var second = await LianhuProgram.RunAsync(workDir, null, "--demo", "--urls", $"http://127.0.0.1:{port}");

        second.ExitCode.ShouldNotBe(0);
        second.Stderr.ShouldContain("Refusing to start");
    }

    public void Dispose()
    {
        Directory.Delete(workDir, recursive: true);
        GC.SuppressFinalize(this);
    }

    private Process Serve(int port) => LianhuProgram.Start(workDir, null, "--demo", "--urls", $"http://127.0.0.1:{port}");

    private static HttpClient Client(int port) => new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<string> TokenAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = Account, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static async Task KillAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 240; i++)
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

            await Task.Delay(250);
        }

        throw new TimeoutException("The service did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
