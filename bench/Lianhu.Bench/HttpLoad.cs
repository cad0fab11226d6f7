using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Features.Divisions;

namespace Lianhu.Bench;

/// <summary>
/// Real HTTP intakes against the running service: police-station caseworkers (one per town of the
/// demo city) post 110 alarms with three parties and an Idempotency-Key each. Phase 1 is a closed
/// loop at a fixed concurrency (the highest rate); phase 2 an open loop at a fixed rate, whose
/// latencies are measured from the scheduled send time (no coordinated omission).
/// </summary>
public static class HttpLoad
{
    private sealed record Caller(string Token, IntakeBodies Bodies);

    public static async Task RunAsync(Options options)
    {
        var url = options.Get("url");
        var concurrency = options.Int("concurrency", 16);
        var seconds = options.Int("seconds", 20);
        var rate = options.Int("rate", 200);
        var rateSeconds = options.Int("rate-seconds", 10);
        var warmup = options.Int("warmup", 5);
        var cpu = new Cpu(options.Int("service-pid", 0) is > 0 and var s ? s : null, options.Int("db-pid", 0) is > 0 and var d ? d : null);

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(concurrency, 64),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var callers = await SignInAsync(http);

        await ClosedLoopAsync(http, callers, concurrency, TimeSpan.FromSeconds(warmup));
        cpu.Start();
        var (max, elapsed) = await ClosedLoopAsync(http, callers, concurrency, TimeSpan.FromSeconds(seconds));
        var maxResult = new PhaseResult("max", concurrency, elapsed, max.Count, max.Errors, max.Count / elapsed, max.Percentile(50), max.Percentile(99), cpu.Stop());
        Console.WriteLine(maxResult);
        maxResult.Save(options.Get("out") + ".max.json");

        cpu.Start();
        var (fixedRate, fixedElapsed) = await OpenLoopAsync(http, callers, rate, TimeSpan.FromSeconds(rateSeconds));
        var fixedResult = new PhaseResult($"fixed {rate}/s", 0, fixedElapsed, fixedRate.Count, fixedRate.Errors, fixedRate.Count / fixedElapsed, fixedRate.Percentile(50), fixedRate.Percentile(99), cpu.Stop());
        Console.WriteLine(fixedResult);
        fixedResult.Save(options.Get("out") + ".fixed.json");
        File.WriteAllText(options.Get("out") + ".response-bytes", AverageResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Console.WriteLine($"average answer: {AverageResponseBytes} bytes");
    }

    private static async Task<List<Caller>> SignInAsync(HttpClient http)
    {
        var city = DemoCity.Load(DivisionImporter.FileFor(DemoCity.City));
        var callers = new List<Caller>();
        foreach (var station in city.Accounts.Where(a => a.Agency.Type == AgencyType.PoliceStation && a.Role == Role.Caseworker))
        {
            var community = city.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal)).Division.Value;
            var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = station.Username, password = DemoCity.Password });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
            callers.Add(new Caller(token, new IntakeBodies(community)));
        }

        return callers;
    }

    private static async Task<(Stats, double)> ClosedLoopAsync(HttpClient http, List<Caller> callers, int concurrency, TimeSpan duration)
    {
        var stats = new Stats();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var caller = callers[worker % callers.Count];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(http, caller);
                stats.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        });
        await Task.WhenAll(workers);
        return (stats, clock.Elapsed.TotalSeconds);
    }

    private static async Task<(Stats, double)> OpenLoopAsync(HttpClient http, List<Caller> callers, int rate, TimeSpan duration)
    {
        var stats = new Stats();
        var total = (int)(rate * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / (double)rate;
        var begin = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = begin + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                // Sleep, never spin: the generator shares the two cores with the service and the database.
                await Task.Delay(wait);
            }

            var caller = callers[i % callers.Count];
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await SendAsync(http, caller);
                stats.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds, ok); // from the scheduled time
            }));
        }

        await Task.WhenAll(inFlight);
        return (stats, Stopwatch.GetElapsedTime(begin).TotalSeconds);
    }

    private static int reported;
    private static long responseBytes;
    private static long responses;

    /// <summary>Average size of an intake's answer (the raw writer stores an envelope of that size as the idempotency record).</summary>
    public static long AverageResponseBytes => responses == 0 ? 0 : responseBytes / responses;

    private static async Task<bool> SendAsync(HttpClient http, Caller caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = new ByteArrayContent(caller.Bodies.Next()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                Interlocked.Add(ref responseBytes, body.Length);
                Interlocked.Increment(ref responses);
                return true;
            }

            if (Interlocked.Increment(ref reported) <= 3)
            {
                await Console.Error.WriteLineAsync($"intake failed: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            }
        }
        catch (HttpRequestException e)
        {
            if (Interlocked.Increment(ref reported) <= 3)
            {
                await Console.Error.WriteLineAsync($"intake failed: {e.Message}");
            }
        }
        catch (TaskCanceledException)
        {
            Interlocked.Increment(ref reported);
        }

        return false;
    }
}
