using System.CommandLine;
using Lianhu.Web.Features.Retention;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Cli;

/// <summary><c>lianhu retention [--apply] [--years N]</c>: reports (default) or anonymises closed cases past the retention period.</summary>
public static class RetentionCommand
{
    public static Command Create()
    {
        var apply = new Option<bool>("--apply") { Description = "Anonymise; without it only a dry-run report is printed" };
        var years = new Option<int?>("--years") { Description = "Override the policy's period (config/policies/retention.json)" };
        var command = new Command("retention", "Anonymise closed cases past the retention period (dry run by default)") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(apply);
        command.Options.Add(years);
        command.SetAction(async (result, ct) =>
        {
            await using var app = LianhuHost.Build(LianhuCli.HostArgs(result), result.GetValue(LianhuCli.Demo));
            await LianhuHost.PrepareDatabaseAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var period = result.GetValue(years) ?? app.Services.GetRequiredService<RetentionPolicy>().AnonymiseAfterYears;
            var report = await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(period, dryRun: !result.GetValue(apply), ct);
            Console.WriteLine($"{(report.DryRun ? "DRY RUN — nothing changed" : "applied")}: {report.Cases} cases closed before {report.ClosedBefore:yyyy-MM-dd} ({period} years)");
            foreach (var (name, count) in report.Items)
            {
                Console.WriteLine($"  {name}: {count}");
            }

            return 0;
        });
        return command;
    }
}
