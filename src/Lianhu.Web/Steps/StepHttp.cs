using Lianhu.Web.Api;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Steps;

/// <summary>The one mapping of a step's result to HTTP: failures become RFC 9457 ProblemDetails with a code.</summary>
public static class StepHttp
{
    /// <summary>A failure as its HTTP answer; successes are the endpoint's own (they carry its value type).</summary>
    public static IResult ToHttp(this StepResult result, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            StepStatus.NotFound => TypedResults.NotFound(),
            StepStatus.Forbidden => Problems.Forbidden(text, result.Code ?? "forbidden"),
            StepStatus.Invalid => result.Errors!.ToProblem(),
            StepStatus.Conflict => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: text["error.conflict-title"].Value, detail: text[$"error.{result.Code}"].Value,
                extensions: new Dictionary<string, object?> { ["code"] = result.Code }),
            StepStatus.Ok or StepStatus.Created => throw new InvalidOperationException("A success is answered by its endpoint with its value."),
            _ => throw new ArgumentOutOfRangeException(nameof(result)),
        };
    }

    /// <summary>A result with a value: 200 (or 201 at <paramref name="location"/>) with it, or the failure.</summary>
    public static IResult ToHttp<T>(this StepResult<T> result, IStringLocalizer text, Func<T, string>? location = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            StepStatus.Ok => TypedResults.Ok(result.Value),
            StepStatus.Created => location is null ? TypedResults.Ok(result.Value) : TypedResults.Created(location(result.Value!), result.Value),
            _ => ((StepResult)result).ToHttp(text),
        };
    }
}

/// <summary>The one mapping of a step's result to a page: a success message only for a saved result.</summary>
public static class StepUi
{
    /// <summary>The message a form shows: null on success (the page says what was saved), else the localised refusal.</summary>
    public static string? Refusal(this StepResult result, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            StepStatus.Ok or StepStatus.Created => null,
            StepStatus.NotFound => text["error.not-found"].Value,
            StepStatus.Invalid => text["error.validation-title"].Value,
            _ => text[$"error.{result.Code}"].Value,
        };
    }
}
