using System.CommandLine;
using Lianhu.Web.Data;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Cli;

/// <summary><c>lianhu migrate [--check]</c>: apply (or list) pending schema migrations.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "List pending migrations and exit 1 if any, without applying them" };
        var command = new Command("migrate", "Apply pending database migrations") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(check);
        command.SetAction(async (result, ct) =>
        {
            await using var app = LianhuHost.Build(LianhuCli.HostArgs(result), result.GetValue(LianhuCli.Demo));
            await using var scope = app.Services.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
            if (result.GetValue(check))
            {
                var pending = await migrator.PendingAsync(ct);
                foreach (var version in pending)
                {
                    Console.WriteLine(version);
                }

                return pending.Count == 0 ? 0 : 1;
            }

            await LianhuHost.PrepareDatabaseAsync(app.Services, keyRing: false, ct);
            Console.WriteLine("schema up to date");
            return 0;
        });
        return command;
    }
}
