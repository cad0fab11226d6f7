using System.Net.Http.Json;
using System.Text;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Lianhu.Web.Tests.Security;

/// <summary>
/// A full journey with real-looking names, ID numbers, phones and addresses, every log line at every
/// level captured, and none of them may contain any of those values.
/// </summary>
public sealed class NoPersonalDataInLogsTests(NoPersonalDataInLogsTests.LoggingFactory factory) : IClassFixture<NoPersonalDataInLogsTests.LoggingFactory>
{
    private static readonly string[] Secrets = ["欧阳娜娜", "11010519491231002X", "13912345678", "深圳市宝安区宝民一路88号", "Zhang Weiwei"];

    [Fact]
    public async Task AJourneyWithPersonalData_LeavesNoneOfItInTheLogs()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440306");
        using var client = await factory.ClientAsAsync(worker);
        var summary = $"受害人{Secrets[0]}（身份证 {Secrets[1]}，电话 {Secrets[2]}）住{Secrets[3]}，其丈夫 {Secrets[4]} 多次殴打。";

        var created = await client.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary, divisionCode = worker.Agency.Division.Value });
        var location = created.Headers.Location!.ToString();
        await client.GetAsync(location);
        await client.GetAsync("/api/v1/cases");
        await client.PostAsJsonAsync("/api/v1/cases", new { channel = Secrets[2], summary, divisionCode = Secrets[1] });
        await client.PostAsync("/api/v1/cases", new StringContent($"{{\"summary\":\"{Secrets[3]}\",", Encoding.UTF8, "application/json"));
        using var anonymous = factory.CreateClient();
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = Secrets[4], password = Secrets[1] });
        await anonymous.GetAsync($"/cases?q={Uri.EscapeDataString(Secrets[0])}");
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin));
        await admin.PostAsJsonAsync("/api/v1/users", new { username = Secrets[4], displayName = Secrets[0], agencyId = worker.Agency.Id, roles = new[] { "caseworker" }, password = Secrets[1] });

        factory.Logs.Lines.Count.ShouldBeGreaterThan(10, "the capture must actually see the host's logs");
        foreach (var secret in Secrets.Concat(Secrets.Select(Uri.EscapeDataString)).Concat(Secrets.Select(s => System.Text.Json.JsonSerializer.Serialize(s).Trim('"'))))
        {
            factory.Logs.Lines.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty(secret);
        }
    }

    public sealed class LoggingFactory : SqliteFactory
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Every category at every level, as an operator could configure it.
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Trace");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        }
    }
}
