using Lianhu.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Api;

/// <summary>
/// The one place exceptions become ProblemDetails: an illegal move on an aggregate is a 409, a
/// concurrent edit a 409, a body that cannot be read a 400, a database that cannot be reached (or is
/// full) a 503 with <c>Retry-After</c>; anything else is a bug and a 500
/// that says nothing about the data. Messages are in the caller's language.
/// </summary>
public sealed class LianhuExceptionHandler(IProblemDetailsService problems, IStringLocalizer<LianhuExceptionHandler> text, ILogger<LianhuExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>What a 503 asks the client to wait: about a PostgreSQL restart or failover.</summary>
    public const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, code) = exception switch
        {
            DomainRuleViolationException rule => (StatusCodes.Status409Conflict, text["error.conflict-title"].Value, Localised(rule), rule.Code),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, text["error.conflict-title"].Value, text["error.concurrency"].Value, "concurrency"),
            _ when Data.DatabaseUnavailable.Is(exception) => (StatusCodes.Status503ServiceUnavailable, text["error.unavailable-title"].Value, text["error.unavailable"].Value, "unavailable"),
            BadHttpRequestException bad => (bad.StatusCode, text["error.bad-request-title"].Value, text["error.unreadable-body"].Value, "request.unreadable"),
            _ => (StatusCodes.Status500InternalServerError, text["error.server-title"].Value, text["error.server"].Value, "server"),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while the database restarts or is full: a warning, and the client is told when to come back.
            logger.LogWarning("Database unavailable ({ExceptionType}) at {Path} (trace {TraceId})", exception.GetType().Name, httpContext.Request.Path, httpContext.TraceIdentifier);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        else if (status >= 500)
        {
            // The exception type and trace id only: messages may echo input, which may be personal data.
            logger.LogError("Unhandled {ExceptionType} at {Path} (trace {TraceId})", exception.GetType().Name, httpContext.Request.Path, httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title, Detail = detail };
        details.Extensions["code"] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private string Localised(DomainRuleViolationException rule)
    {
        var message = text[$"error.{rule.Code}"];
        return message.ResourceNotFound ? rule.Message : message.Value;
    }
}
