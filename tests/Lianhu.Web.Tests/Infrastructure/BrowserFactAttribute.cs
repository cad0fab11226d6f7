using Xunit.Abstractions;
using Xunit.Sdk;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>
/// A browser journey test: runs in Debian's Chromium through Playwright; reported as skipped with
/// a loud reason on a machine without Chromium (CI installs it, so there it always runs).
/// </summary>
[XunitTestCaseDiscoverer("Lianhu.Web.Tests.Infrastructure.BrowserFactDiscoverer", "Lianhu.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string? Chromium { get; } =
        new[] { Environment.GetEnvironmentVariable("LIANHU_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public const string MissingMessage = "Chromium not found (apt-get install -y chromium fonts-noto-cjk) — browser journeys are SKIPPED";
}

public sealed class BrowserFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (BrowserFactAttribute.Chromium is null && !RequiredByCi.All)
        {
            diagnostics.OnMessage(new DiagnosticMessage(BrowserFactAttribute.MissingMessage));
            return [new XunitSkippedDataRowTestCase(diagnostics, display, options, testMethod, BrowserFactAttribute.MissingMessage)];
        }

        return [new XunitTestCase(diagnostics, display, options, testMethod)];
    }
}
