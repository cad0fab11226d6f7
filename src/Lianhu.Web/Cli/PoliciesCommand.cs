using System.CommandLine;
using Lianhu.Web.Features.PolicyFiles;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Cli;

/// <summary>
/// <c>lianhu policies check [--dir D]</c>: reads a city's policy folder (laid out like <c>config/</c>;
/// files it lacks come from the bundled one) exactly as startup does, without starting anything
/// (no database). Exit 0 listing the files read; exit 1 with one line per problem on stderr:
/// the file, the JSON path and the reason.
/// </summary>
public static class PoliciesCommand
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir") { Description = "The policy folder to check (default: the bundled config/)" };
        var check = new Command("check", "Validate every policy file strictly without starting");
        check.Options.Add(dir);
        check.SetAction(result => Check(result.GetValue(dir)));
        var command = new Command("policies", "The policy files (config/)");
        command.Subcommands.Add(check);
        return command;
    }

    private static int Check(string? dir)
    {
        var directory = dir is null ? LianhuPaths.Config : Path.GetFullPath(dir);
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"{directory}: no such folder");
            return 1;
        }

        var result = PolicyCatalogue.Check(directory);
        if (result.Problems.Count > 0)
        {
            foreach (var problem in result.Problems)
            {
                Console.Error.WriteLine(problem.ToString());
            }

            Console.Error.WriteLine($"policies INVALID: {result.Problems.Count} problem(s) in {directory}");
            return 1;
        }

        foreach (var file in result.Files)
        {
            Console.WriteLine($"ok {file}");
        }

        Console.WriteLine($"policies valid: {result.Files.Count} files and folders read");
        return 0;
    }
}
