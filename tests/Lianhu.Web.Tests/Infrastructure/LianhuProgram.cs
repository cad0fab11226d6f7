using System.Diagnostics;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>Runs the built program (<c>dotnet lianhu.dll …</c>) as a user would, from any working directory.</summary>
public static class LianhuProgram
{
    public static string Dll { get; } = Locate();

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the program in the background (e.g. <c>serve</c>); the caller kills it.</summary>
    public static Process Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Locate()
    {
        // The web project's own output (bin/<Configuration>/net10.0), same configuration as the tests.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name;
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Artifacts.Directory("tmp")))!;
        var dll = Path.Combine(root, "src", "Lianhu.Web", "bin", configuration, "net10.0", "lianhu.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Lianhu.Web first", dll);
    }
}
