using System.CommandLine;
using Lianhu.Web.Features.PolicyFiles;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Cli;

/// <summary><c>lianhu [serve] [--demo] [--urls …]</c>: migrate, then serve.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the web service (default verb)") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        var app = LianhuHost.Build(LianhuCli.HostArgs(result), result.GetValue(LianhuCli.Demo));
        try
        {
            // Policies before the database: an invalid file stops here, naming the file and the member.
            _ = app.Services.GetRequiredService<PolicyCatalogue>();
        }
        catch (PolicyCatalogueException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        await LianhuHost.PrepareDatabaseAsync(app.Services, ct);
        await app.RunAsync();
        return 0;
    }
}
