using System.CommandLine;

namespace Lianhu.Web.Cli;

/// <summary>
/// One program, several verbs. Tokens the parser does not know (e.g. <c>--urls</c>,
/// <c>--environment</c>) pass through to ASP.NET configuration for every verb.
/// </summary>
public static class LianhuCli
{
    public static readonly Option<bool> Demo = new("--demo") { Description = "SQLite + migrate + seed the demo city (demo accounts enabled)", Recursive = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("联护 Lianhu — the shared case platform of the anti-domestic-violence linkage mechanism")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(Demo);
        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedDemoCommand.Create());
        root.Subcommands.Add(DemoAccountsCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(DivisionsCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(RetentionCommand.Create());
        root.Subcommands.Add(SchemaScriptCommand.Create());
        root.Subcommands.Add(ClockCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(PoliciesCommand.Create());
        root.SetAction(ServeCommand.RunAsync);
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>The tokens left for ASP.NET configuration.</summary>
    public static string[] HostArgs(ParseResult result) => [.. result.UnmatchedTokens];
}
