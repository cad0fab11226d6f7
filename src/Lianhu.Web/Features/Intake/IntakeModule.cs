using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Intake;

/// <summary>Intake and the person index: opening a case, correcting it, its history and timeline.</summary>
public sealed class IntakeModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLianhuIntake(configuration);
        services.AddScoped<OpenCase.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        OpenCase.Map(routes.Staff);
        IntakeEndpoints.Map(routes.Staff);
        Persons.PersonForms.Map(routes.App);
    }
}
