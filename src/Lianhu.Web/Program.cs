namespace Lianhu.Web; public static class Program { public static int Main() => 0; }
