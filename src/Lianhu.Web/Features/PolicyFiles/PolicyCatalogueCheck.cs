namespace Lianhu.Web.Features.PolicyFiles;

/// <summary>
/// Loads the <see cref="PolicyCatalogue"/> when the host starts, before any other background work,
/// so an invalid policy file stops the start with the file and the member named instead of failing
/// on the first request that needs it.
/// </summary>
public sealed class PolicyCatalogueCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<PolicyCatalogue>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
