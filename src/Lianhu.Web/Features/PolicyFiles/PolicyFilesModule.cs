using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.PolicyFiles;

/// <summary>The policy catalogue: every policy file read once, strictly, at startup.</summary>
public sealed class PolicyFilesModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddLianhuPolicies(configuration);
}
