using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Api;

/// <summary>ProblemDetails answers that are not validation errors, localised from <c>error.{code}</c>.</summary>
public static class Problems
{
    /// <summary>403: the caller may see the record but not take this step (out of scope is always 404 instead).</summary>
    public static ProblemHttpResult Forbidden(IStringLocalizer text, string code)
    {
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: text["error.forbidden-title"].Value,
            detail: text[$"error.{code}"].Value,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
