namespace Lianhu.Web.Hosting;

/// <summary>
/// How a feature folder plugs itself into the host: its services, its endpoints and the work it
/// needs done once the database is ready. The host finds every module in the assembly
/// (<see cref="FeatureModules"/>) and never names a feature, so <c>Hosting</c>, <c>Data</c> and
/// <c>Identity</c> sit under the features, not beside them (held by <c>StructureTests</c>).
/// </summary>
public interface IFeatureModule
{
    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(FeatureRoutes routes)
    {
    }
}

/// <summary>The route groups a module maps onto; each group already carries its authorization.</summary>
/// <param name="App">Pages' form posts, hubs and documents (cookie-authenticated, outside the API).</param>
/// <param name="Open">The API without sign-in (token issue only).</param>
/// <param name="Staff">The API for signed-in staff.</param>
/// <param name="Auditors">The API for auditors: traces, never case content.</param>
/// <param name="Admin">The API for system administrators: accounts, agencies, deliveries.</param>
public sealed record FeatureRoutes(
    IEndpointRouteBuilder App,
    IEndpointRouteBuilder Open,
    IEndpointRouteBuilder Staff,
    IEndpointRouteBuilder Auditors,
    IEndpointRouteBuilder Admin);

/// <summary>
/// Work a feature needs once the schema is migrated, before the service answers (reference data,
/// the demo city). Runs in <see cref="Order"/>; registered as a scoped service by its module.
/// </summary>
public interface IStartupStep
{
    /// <summary>Lower runs first: 100 reference data, 500 content that depends on it, 900 demo data.</summary>
    int Order { get; }

    Task RunAsync(CancellationToken ct);
}

/// <summary>Every feature module of the service, found once by reflection, in a stable order.</summary>
public static class FeatureModules
{
    public static IReadOnlyList<IFeatureModule> All { get; } = typeof(FeatureModules).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeatureModule).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IFeatureModule)Activator.CreateInstance(t)!)
        .ToList();
}
