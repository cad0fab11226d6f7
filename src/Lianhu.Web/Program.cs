using Lianhu.Web.Cli;

namespace Lianhu.Web;

/// <summary>The program <c>lianhu</c>. Not static so the test host can name it as its entry point.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static Task<int> Main(string[] args) => LianhuCli.RunAsync(args);
}
