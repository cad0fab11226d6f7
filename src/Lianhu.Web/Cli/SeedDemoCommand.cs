using System.CommandLine;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Cli;

/// <summary><c>lianhu seed-demo</c>: migrate and seed the demo city into the SQLite database.</summary>
public static class SeedDemoCommand
{
    public static Command Create()
    {
        var command = new Command("seed-demo", "Seed the demo city (SQLite only)") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            await using var app = LianhuHost.Build(LianhuCli.HostArgs(result), demo: false);
            await using var scope = app.Services.CreateAsyncScope();
            if (scope.ServiceProvider.GetRequiredService<DatabaseOptions>().IsPostgres)
            {
                await Console.Error.WriteLineAsync("seed-demo is refused on PostgreSQL: demo passwords exist only in demo mode on SQLite.");
                return 2;
            }

            await LianhuHost.PrepareDatabaseAsync(app.Services, ct);
            var added = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            Console.WriteLine($"demo city seeded ({added} new accounts); sign in with the demo accounts when serving with --demo");
            return 0;
        });
        return command;
    }
}
