namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>
/// CI sets LIANHU_REQUIRE_ALL_TESTS=1: then a missing PostgreSQL or Chromium makes the tests that
/// need them FAIL instead of being skipped, so a green CI always means they really ran.
/// </summary>
public static class RequiredByCi
{
    public static bool All => Environment.GetEnvironmentVariable("LIANHU_REQUIRE_ALL_TESTS") == "1";
}
