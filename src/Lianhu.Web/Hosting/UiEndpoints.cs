using Lianhu.Web.Identity;
using Lianhu.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Lianhu.Web.Hosting;

/// <summary>The two plain endpoints the web UI needs besides its pages: the language switch and sign-out.</summary>
public static class UiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            var culture = JsonStringLocalizer.Cultures.Contains(c) ? c! : JsonStringLocalizer.DefaultCulture;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            return Results.Redirect(LocalUrl.OrHome(returnUrl));
        }).ExcludeFromDescription();

        app.MapPost("/signout", async ([FromForm] string? returnUrl, SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/signin");
        }).ExcludeFromDescription();
    }
}
