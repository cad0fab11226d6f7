using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lianhu.Domain.Common;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Features.Divisions;

namespace Lianhu.Web.Cli;

/// <summary>
/// <c>lianhu demo-accounts [--json]</c>: the demo city's accounts and their password. Computed
/// from the bundled division data with the same stable ids the seeder writes.
/// </summary>
public static class DemoAccountsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("demo-accounts", "List the demo accounts") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(json);
        command.SetAction(result =>
        {
            var city = DemoCity.Load(DivisionImporter.FileFor(DemoCity.City));
            var accounts = city.Accounts.Select(a => new
            {
                username = a.Username,
                password = DemoCity.Password,
                agencyType = StableName.Of(a.Agency.Type),
                agencyId = a.Agency.Id,
                agencyName = a.Agency.Name,
                role = StableName.Of(a.Role),
                divisionCode = a.Agency.Division.Value,
                tier = StableName.Of(a.Agency.Division.Tier),
            }).ToList();
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(accounts, JsonOptions));
            }
            else
            {
                foreach (var a in accounts)
                {
                    Console.WriteLine($"{a.username,-60} {a.role,-12} {a.agencyName}");
                }

                Console.WriteLine($"password (all demo accounts): {DemoCity.Password}");
            }

            return 0;
        });
        return command;
    }
}
