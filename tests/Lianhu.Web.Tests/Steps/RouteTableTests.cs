using Lianhu.Web.Steps;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Lianhu.Web.Tests.Steps;

/// <summary>
/// Every endpoint whose route carries an id — a case, a clock, a task, an order, a letter — declares
/// the step it is (<see cref="CaseStep"/>: section and action) or says why it is not one
/// (<see cref="NotACaseStep"/>). A new endpoint without either fails here before it can become a way in.
/// </summary>
public sealed class RouteTableTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public void EveryEndpointWithAnId_DeclaresItsStep()
    {
        _ = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(50);
        var undeclared = endpoints
            .Where(e => e.RoutePattern.Parameters.Any(p => p.ParameterPolicies.Any(policy => policy.Content == "guid")))
            .Where(e => e.Metadata.GetMetadata<CaseStep>() is null && e.Metadata.GetMetadata<NotACaseStep>() is null
                && e.Metadata.GetMetadata<CaseStepPageAttribute>() is null && e.Metadata.GetMetadata<NotACaseStepPageAttribute>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        undeclared.ShouldBeEmpty(string.Join("\n", undeclared));
    }

    [Fact]
    public void EveryCasePage_NamesAStepThatExists()
    {
        _ = factory.CreateClient();
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<CaseStepPageAttribute>()).OfType<CaseStepPageAttribute>().ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(2);
        pages.ShouldAllBe(p => typeof(CaseSteps).GetField(p.Step) != null);
    }

    [Fact]
    public void EveryDeclaredStep_NamesARouteParameterItHas_AndCarriesTheGateFilter()
    {
        _ = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CaseStep>() is not null).ToList();
        endpoints.Count.ShouldBeGreaterThan(60);
        foreach (var e in endpoints)
        {
            var step = e.Metadata.GetMetadata<CaseStep>()!;
            e.RoutePattern.Parameters.ShouldContain(p => p.Name == step.Route, $"{e.RoutePattern.RawText} declares {step.Name} on '{step.Route}'");
        }
    }
}
