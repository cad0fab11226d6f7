using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Steps;

/// <summary>
/// Enforces an endpoint's declared <see cref="CaseStep"/> before its handler runs: the route's id
/// goes through <see cref="CaseGate"/>, and a refusal answers at once (404 / 403 ProblemDetails).
/// The handler enters the same gate again (cached), so pages that call it directly are held too.
/// </summary>
public sealed class CaseStepFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var step = http.GetEndpoint()?.Metadata.GetMetadata<CaseStep>();
        if (step is null)
        {
            return await next(context);
        }

        if (http.GetRouteValue(step.Route) is not { } raw || !Guid.TryParse(raw.ToString(), out var id))
        {
            return TypedResults.NotFound();
        }

        var gate = http.RequestServices.GetRequiredService<CaseGate>();
        var entered = await gate.EnterAsync(id, step, http.RequestAborted);
        if (entered.Succeeded)
        {
            return await next(context);
        }

        var text = http.RequestServices.GetRequiredService<IStringLocalizer<CaseStepFilter>>();
        return entered.ToHttp(text);
    }
}

public static class CaseStepEndpoints
{
    /// <summary>Declares what this endpoint touches on a case and enforces it (<see cref="CaseStepFilter"/>).</summary>
    public static RouteHandlerBuilder OnCase(this RouteHandlerBuilder endpoint, CaseStep step)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.WithMetadata(step).AddEndpointFilter<CaseStepFilter>();
    }

    /// <summary>Says why an endpoint with an id in its route is not a step on one case.</summary>
    public static TBuilder NotACaseStep<TBuilder>(this TBuilder endpoint, string why)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.WithMetadata(new NotACaseStep(why));
    }
}
