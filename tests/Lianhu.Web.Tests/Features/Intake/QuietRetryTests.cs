using System.Net;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>A recognised idempotent retry is a normal event: it gets the stored answer and logs no error (issue 17, ADR 0030).</summary>
public abstract class QuietRetryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, QuietRetryTests<TFactory>.ILogs
{
    public interface ILogs
    {
        CapturingLoggerProvider Logs { get; }
    }

    [ProviderFact]
    public async Task ARetriedKey_GetsTheStoredAnswer_AndLogsNoError()
    {
        using var client = await factory.ClientAsAsync(factory.PoliceStation());
        var key = Guid.NewGuid().ToString();
        var body = new
        {
            channel = "police-110",
            summary = "安静重试 " + key[..8],
            divisionCode = factory.CommunityOf(factory.PoliceStation()),
            parties = new[] { new { role = "victim", name = "赵敏", phone = TestIdentities.Mobile() } },
        };
        var first = await client.IntakeAsync(body, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = factory.Logs.Lines.Count;

        var retry = await client.IntakeAsync(body, key);

        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        var errors = factory.Logs.Lines.Skip(before).Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();
        errors.ShouldBeEmpty();
    }

    internal static void Capture(IWebHostBuilder builder, CapturingLoggerProvider logs) =>
        builder.ConfigureLogging(logging => logging.AddProvider(logs));
}

public sealed class QuietRetrySqliteFactory : SqliteFactory, QuietRetryTests<QuietRetrySqliteFactory>.ILogs
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        QuietRetryTests<QuietRetrySqliteFactory>.Capture(builder, Logs);
    }
}

public sealed class QuietRetryPostgresFactory : PostgresFactory, QuietRetryTests<QuietRetryPostgresFactory>.ILogs
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        QuietRetryTests<QuietRetryPostgresFactory>.Capture(builder, Logs);
    }
}

public sealed class QuietRetryTests_Sqlite(QuietRetrySqliteFactory factory) : QuietRetryTests<QuietRetrySqliteFactory>(factory);

public sealed class QuietRetryTests_Postgres(QuietRetryPostgresFactory factory) : QuietRetryTests<QuietRetryPostgresFactory>(factory), IPostgresTests;
