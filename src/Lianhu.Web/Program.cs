using Lianhu.Web.Cli;

namespace Lianhu.Web;

public static class Program
{
    public static Task<int> Main(string[] args) => LianhuCli.RunAsync(args);
}
