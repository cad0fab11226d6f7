using Xunit.Abstractions;
using Xunit.Sdk;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>Marks a test class that runs on PostgreSQL.</summary>
public interface IPostgresTests
{
}

/// <summary>
/// A fact that runs once per database provider: declared on an abstract test class, it runs in
/// each concrete subclass (SQLite, PostgreSQL). On a machine without PostgreSQL binaries the
/// PostgreSQL variant is reported as skipped with a loud reason, never silently passed.
/// </summary>
[XunitTestCaseDiscoverer("Lianhu.Web.Tests.Infrastructure.ProviderFactDiscoverer", "Lianhu.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute
{
}

public sealed class ProviderFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (typeof(IPostgresTests).IsAssignableFrom(type) && !PostgresServer.Available && !RequiredByCi.All)
        {
            diagnostics.OnMessage(new DiagnosticMessage(PostgresServer.MissingMessage));
            return [new XunitSkippedDataRowTestCase(diagnostics, display, options, testMethod, PostgresServer.MissingMessage)];
        }

        return [new XunitTestCase(diagnostics, display, options, testMethod)];
    }
}
