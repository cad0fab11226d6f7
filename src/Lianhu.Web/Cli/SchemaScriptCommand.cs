using System.CommandLine;
using Lianhu.Web.Data;
using Lianhu.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Cli;

/// <summary>
/// <c>lianhu schema-script --provider sqlite|postgres</c>: prints the CREATE script of the current
/// model — the starting point when writing a new migration by hand (see ADR 0002). Needs no database.
/// </summary>
public static class SchemaScriptCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Required = true, Description = "sqlite or postgres" };
        var command = new Command("schema-script", "Print the model's CREATE script (developer tool)") { Hidden = true };
        command.Options.Add(provider);
        command.SetAction(result =>
        {
            var options = new DatabaseOptions
            {
                Provider = result.GetValue(provider)!,
                ConnectionString = "Host=localhost;Database=schema;Data Source=schema.db",
            };
            var builder = new DbContextOptionsBuilder<LianhuDbContext>();
            if (options.IsPostgres)
            {
                builder.UseNpgsql("Host=localhost;Database=schema");
            }
            else
            {
                builder.UseSqlite("Data Source=:memory:");
            }

            // The script never encrypts anything; a ring path is only the model's cache key.
            using var db = new LianhuDbContext(builder.Options, new FieldCipher(Path.GetTempPath(), createIfMissing: false));
            Console.WriteLine(db.Database.GenerateCreateScript());
            return 0;
        });
        return command;
    }
}
