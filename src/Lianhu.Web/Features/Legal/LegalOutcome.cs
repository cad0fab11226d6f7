using Lianhu.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>What a legal use case answers: a value, field errors (400), not found (404) or forbidden (403, with a reason code).</summary>
public sealed record LegalOutcome<T>(T? Value, FieldErrors? Errors = null, bool NotFound = false, string? Forbidden = null)
    where T : class
{
    public static LegalOutcome<T> Missing { get; } = new(null, NotFound: true);

    public static LegalOutcome<T> Ok(T value) => new(value);

    public static LegalOutcome<T> Invalid(FieldErrors errors) => new(null, errors);

    public static LegalOutcome<T> Deny(string code) => new(null, Forbidden: code);
}

/// <summary>Turns a <see cref="LegalOutcome{T}"/> into typed HTTP results.</summary>
public static class LegalResults
{
    public static Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult> ToOk<T>(this LegalOutcome<T> outcome, IStringLocalizer text)
        where T : class =>
        outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Errors: { } errors } => errors.ToProblem(),
            { Forbidden: { } code } => Forbid(text, code),
            _ => TypedResults.Ok(outcome.Value!),
        };

    public static Results<Created<T>, NotFound, ValidationProblem, ProblemHttpResult> ToCreated<T>(this LegalOutcome<T> outcome, IStringLocalizer text, Func<T, string> location)
        where T : class =>
        outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Errors: { } errors } => errors.ToProblem(),
            { Forbidden: { } code } => Forbid(text, code),
            _ => TypedResults.Created(location(outcome.Value!), outcome.Value!),
        };

    /// <summary>403 as ProblemDetails naming why (e.g. only the court the application was filed with may rule).</summary>
    public static ProblemHttpResult Forbid(IStringLocalizer text, string code) => Problems.Forbidden(text, code);
}
