using Lianhu.Web.Api;

namespace Lianhu.Web.Steps;

/// <summary>How a step ended; the one vocabulary mapped to HTTP (<see cref="StepHttp"/>) and to the UI (<see cref="StepUi"/>).</summary>
public enum StepStatus
{
    Ok,
    Created,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>The result of a step without a value.</summary>
public record StepResult(StepStatus Status, string? Code = null, FieldErrors? Errors = null)
{
    public bool Succeeded => Status is StepStatus.Ok or StepStatus.Created;

    public static readonly StepResult NotFound = new(StepStatus.NotFound);

    public static StepResult Forbidden(string code) => new(StepStatus.Forbidden, code);

    public static StepResult Invalid(FieldErrors errors) => new(StepStatus.Invalid, Errors: errors);

    public static StepResult Conflict(string code) => new(StepStatus.Conflict, code);
}

/// <summary>The result of a step with a value: the value only when the step succeeded (and was saved).</summary>
public sealed record StepResult<T>(StepStatus Status, T? Value = default, string? Code = null, FieldErrors? Errors = null) : StepResult(Status, Code, Errors)
{
    public static StepResult<T> Ok(T value) => new(StepStatus.Ok, value);

    public static StepResult<T> Created(T value) => new(StepStatus.Created, value);

    /// <summary>The same failure carried into another value type.</summary>
    public static StepResult<T> From(StepResult failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Succeeded
            ? throw new InvalidOperationException("Only a failure carries over to another value type.")
            : new(failure.Status, default, failure.Code, failure.Errors);
    }
}
