using System.Text.Json.Serialization;
using Lianhu.Web.Api;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Auth;

/// <summary>
/// <c>POST /api/v1/auth/token</c>: exchanges a staff username and password for a bearer token
/// (ASP.NET Core's protected bearer token; lockout applies exactly as for the web sign-in).
/// </summary>
public static class IssueToken
{
    public sealed record Request(string? Username, string? Password);

    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/token", Handle)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithName("IssueToken")
            .WithTags("Auth")
            .WithSummary("Exchange username and password for a bearer token");

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Request request,
        PasswordCheck passwords,
        SignInManager<StaffUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time,
        IStringLocalizer<Request> text)
    {
        var errors = new FieldErrors(text).Required("username", request.Username).Required("password", request.Password);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (outcome, user) = await passwords.CheckAsync(request.Username!, request.Password!);
        if (outcome != PasswordCheck.Outcome.Succeeded)
        {
            return Unauthorized(text[outcome == PasswordCheck.Outcome.LockedOut ? "error.locked-out" : "error.sign-in-failed"].Value);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user!);
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        var token = options.BearerTokenProtector.Protect(ticket);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (long)options.BearerTokenExpiration.TotalSeconds));
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: detail);
}
