using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Lianhu.Domain.Access;
using Lianhu.Domain.Alarms;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// The victim's door: <c>/a/{token}</c>, a page titled like a notes app that shows one big button and
/// "110", never case content. First open: she chooses a PIN (4–6 digits). Then a press — with the PIN,
/// or on a phone a right PIN unlocked (a cookie scoped to the link) — raises one alert
/// (<see cref="RaiseAlert"/>), with her location if she allows it. Wrong PINs lock the link for a while;
/// an unknown or revoked link answers the same neutral page. Every answer is <c>no-store</c>, not
/// indexed, rate-limited per address, and forms carry no antiforgery cookie: the link's token is the
/// secret a forged post would need.
/// </summary>
public static class AlarmPage
{
    /// <summary>Encodes markup characters and leaves Chinese text readable.</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string PathOf(string token) => "/a/" + token;

    public static void Map(IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/a/{token}").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<AlarmRateLimit>().InvokeAsync(context, next));
        links.MapGet("", ShowAsync);
        links.MapPost("/pin", SetPinAsync);
        links.MapPost("/press", PressAsync);
        links.MapGet("/manifest.webmanifest", ManifestAsync);
    }

    private static async Task<IResult> ShowAsync(string token, string? sent, HttpContext http, LianhuDbContext db, AlarmSecrets secrets, TimeProvider time, IStringLocalizer<AlarmPolicy> text, CancellationToken ct)
    {
        if (await FindAsync(token, db, secrets, ct) is not { } enrolment)
        {
            return Dead(http, text);
        }

        var now = time.GetUtcNow();
        var unlocked = secrets.IsUnlocked(enrolment, http.Request.Cookies[AlarmSecrets.CookieName]);
        var notice = sent is { Length: 5 } && TimeOnly.TryParseExact(sent, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? Sent(text, sent) : string.Empty;
        return !enrolment.HasPin ? Page(http, text, token, SetPinForm(text, token, null))
            : enrolment.IsLocked(now) && !unlocked ? Page(http, text, token, notice + Locked(text, enrolment, now))
            : Page(http, text, token, notice + PressForm(text, token, unlocked, null, null));
    }

    private static async Task<IResult> SetPinAsync(string token, HttpContext http, LianhuDbContext db, AlarmSecrets secrets, AuditTrail audit, AlarmPolicy policy, TimeProvider time, IStringLocalizer<AlarmPolicy> text, CancellationToken ct)
    {
        if (await FindAsync(token, db, secrets, ct, tracked: true) is not { } enrolment)
        {
            return Dead(http, text);
        }

        if (enrolment.HasPin)
        {
            return Results.Redirect(PathOf(token));
        }

        var form = await http.Request.ReadFormAsync(ct);
        string? pin = form["pin"];
        if (!AlarmSecrets.IsPinShaped(pin))
        {
            return Page(http, text, token, SetPinForm(text, token, text["alarm-page.pin-shape"].Value));
        }

        if (pin != form["pin2"])
        {
            return Page(http, text, token, SetPinForm(text, token, text["alarm-page.pin-mismatch"].Value));
        }

        var now = time.GetUtcNow();
        enrolment.SetPin(AlarmSecrets.HashPin(enrolment, pin!), now);
        audit.Record(RaiseAlert.Link, AuditAction.AlarmPinSet, "alarm-enrolment", enrolment.Id.ToString(), caseId: enrolment.CaseId);
        await db.SaveChangesAsync(ct);
        Unlock(http, token, secrets, enrolment, policy);
        return Page(http, text, token, PressForm(text, token, policy.UnlockDays > 0, text["alarm-page.pin-saved"].Value, null));
    }

    private static async Task<IResult> PressAsync(
        string token, HttpContext http, LianhuDbContext db, AlarmSecrets secrets, AuditTrail audit, AlarmPolicy policy, RaiseAlert raise, TimeProvider time, IStringLocalizer<AlarmPolicy> text, CancellationToken ct)
    {
        if (await FindAsync(token, db, secrets, ct, tracked: true) is not { } enrolment)
        {
            return Dead(http, text);
        }

        if (!enrolment.HasPin)
        {
            return Page(http, text, token, SetPinForm(text, token, null));
        }

        var now = time.GetUtcNow();
        var form = await http.Request.ReadFormAsync(ct);
        if (!secrets.IsUnlocked(enrolment, http.Request.Cookies[AlarmSecrets.CookieName]))
        {
            if (enrolment.IsLocked(now))
            {
                return Page(http, text, token, Locked(text, enrolment, now));
            }

            if (!AlarmSecrets.PinMatches(enrolment, form["pin"]))
            {
                var locked = enrolment.WrongPin(now, policy.PinAttempts, policy.LockFor);
                audit.Record(RaiseAlert.Link, AuditAction.AlarmPinWrong, "alarm-enrolment", enrolment.Id.ToString(), reason: locked ? "locked" : "wrong", caseId: enrolment.CaseId);
                await db.SaveChangesAsync(ct);
                return locked ? Page(http, text, token, Locked(text, enrolment, now)) : Page(http, text, token, PressForm(text, token, false, null, text["alarm-page.pin-wrong"].Value));
            }

            if (enrolment.FailedPins > 0)
            {
                enrolment.RightPin(now);
                await db.SaveChangesAsync(ct);
            }

            if (form["remember"] == "on")
            {
                Unlock(http, token, secrets, enrolment, policy);
            }
        }

        string? press = form["press"];
        if (string.IsNullOrWhiteSpace(press) || press.Length > AlarmAlert.PressIdMaxLength)
        {
            press = Guid.NewGuid().ToString("N");
        }

        var raised = await raise.HandleAsync(enrolment, press, Location(form), ct);
        // Post/redirect/get: a reload does not post again, and the page she sees is the link itself.
        var at = ShanghaiTime.ToShanghai(raised.RaisedAt).ToString("HH:mm", CultureInfo.InvariantCulture);
        Private(http);
        return Results.Redirect($"{PathOf(token)}?sent={Uri.EscapeDataString(at)}");
    }

    private static async Task<IResult> ManifestAsync(string token, HttpContext http, LianhuDbContext db, AlarmSecrets secrets, IStringLocalizer<AlarmPolicy> text, CancellationToken ct)
    {
        if (await FindAsync(token, db, secrets, ct) is null)
        {
            return Dead(http, text);
        }

        Private(http);
        var name = text["alarm-page.title"].Value;
        var manifest = new
        {
            name,
            short_name = name,
            start_url = PathOf(token),
            scope = PathOf(token),
            display = "standalone",
            background_color = "#fbf7ea",
            theme_color = "#fbf7ea",
            icons = new[]
            {
                new { src = "/img/notes-192.png", sizes = "192x192", type = "image/png" },
                new { src = "/img/notes-512.png", sizes = "512x512", type = "image/png" },
            },
        };
        return Results.Json(manifest, contentType: "application/manifest+json");
    }

    private static async Task<AlarmEnrolment?> FindAsync(string token, LianhuDbContext db, AlarmSecrets secrets, CancellationToken ct, bool tracked = false)
    {
        if (secrets.HashOf(token) is not { } hash)
        {
            return null;
        }

        var query = tracked ? db.Set<AlarmEnrolment>() : db.Set<AlarmEnrolment>().AsNoTracking();
        return await query.SingleOrDefaultAsync(e => e.TokenHash == hash && e.RevokedAt == null, ct);
    }

    /// <summary>"lat,lng,accuracy" from the page's fields when her browser gave them and they are plausible; else null.</summary>
    public static string? Location(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        static double? Read(string? value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        if (Read(form["lat"]) is not { } lat || Read(form["lng"]) is not { } lng || lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            return null;
        }

        var accuracy = Read(form["acc"]) is { } a && a is >= 0 and < 1_000_000 ? a : -1;
        return string.Create(CultureInfo.InvariantCulture, $"{lat:0.######},{lng:0.######},{accuracy:0}");
    }

    private static void Unlock(HttpContext http, string token, AlarmSecrets secrets, AlarmEnrolment enrolment, AlarmPolicy policy)
    {
        if (policy.UnlockDays <= 0)
        {
            return;
        }

        http.Response.Cookies.Append(AlarmSecrets.CookieName, secrets.UnlockCookie(enrolment, policy.UnlockFor), new CookieOptions
        {
            Path = PathOf(token),
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = policy.UnlockFor,
            IsEssential = true,
        });
    }

    /// <summary>Nothing of this page is kept by a browser, proxy or search engine; geolocation is allowed here only.</summary>
    private static void Private(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
    }

    /// <summary>The same neutral page for an unknown, mistyped or revoked link.</summary>
    private static IResult Dead(HttpContext http, IStringLocalizer text)
    {
        Private(http);
        return Html(Document(text, null, $"<p class=\"n-note\">{E(text["alarm-page.gone"].Value)}</p>", call: false), HttpStatusCode.NotFound);
    }

    private static IResult Page(HttpContext http, IStringLocalizer text, string token, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        Private(http);
        return Html(Document(text, token, body, call: true), status);
    }

    private static IResult Html(string html, HttpStatusCode status) => Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8, (int)status);

    private static string Document(IStringLocalizer text, string? token, string body, bool call)
    {
        var lang = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? "en" : "zh-CN";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex, nofollow\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"theme-color\" content=\"#fbf7ea\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(text["alarm-page.title"].Value)}</title>")
            .Append("<link rel=\"icon\" href=\"/img/notes-192.png\"><link rel=\"apple-touch-icon\" href=\"/img/notes-192.png\">");
        if (token is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<link rel=\"manifest\" href=\"{E(PathOf(token))}/manifest.webmanifest\">");
        }

        html.Append("<link rel=\"stylesheet\" href=\"/css/notes.css\"><script src=\"/js/notes.js\" defer></script></head><body><main class=\"n\">")
            .Append(body);
        if (call)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a class=\"n-call\" href=\"tel:110\" data-testid=\"call-110\">{E(text["alarm-page.call"].Value)}</a>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    private static string SetPinForm(IStringLocalizer text, string token, string? error) =>
        $"<form method=\"post\" action=\"{E(PathOf(token))}/pin\" class=\"n-form\" data-testid=\"pin-set\"><h1 class=\"n-h\">{E(text["alarm-page.pin-choose"].Value)}</h1>"
        + Error(error)
        + $"<label class=\"n-label\">{E(text["alarm-page.pin"].Value)}<input name=\"pin\" type=\"password\" inputmode=\"numeric\" pattern=\"[0-9]{{4,6}}\" minlength=\"4\" maxlength=\"6\" autocomplete=\"new-password\" required></label>"
        + $"<label class=\"n-label\">{E(text["alarm-page.pin-again"].Value)}<input name=\"pin2\" type=\"password\" inputmode=\"numeric\" pattern=\"[0-9]{{4,6}}\" minlength=\"4\" maxlength=\"6\" autocomplete=\"new-password\" required></label>"
        + $"<button type=\"submit\" class=\"n-save\">{E(text["alarm-page.save"].Value)}</button></form>";

    private static string PressForm(IStringLocalizer text, string token, bool unlocked, string? notice, string? error)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(PathOf(token))}/press\" class=\"n-form\" data-press data-testid=\"press-form\">");
        if (notice is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"n-ok\" role=\"status\">{E(notice)}</p>");
        }

        html.Append(Error(error));
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"press\" value=\"{Guid.NewGuid():N}\">")
            .Append("<input type=\"hidden\" name=\"lat\"><input type=\"hidden\" name=\"lng\"><input type=\"hidden\" name=\"acc\">");
        if (!unlocked)
        {
            html.Append(CultureInfo.InvariantCulture, $"<label class=\"n-label\">{E(text["alarm-page.pin"].Value)}<input name=\"pin\" type=\"password\" inputmode=\"numeric\" pattern=\"[0-9]{{4,6}}\" minlength=\"4\" maxlength=\"6\" autocomplete=\"current-password\" required></label>")
                .Append(CultureInfo.InvariantCulture, $"<label class=\"n-check\"><input type=\"checkbox\" name=\"remember\" checked> {E(text["alarm-page.remember"].Value)}</label>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<label class=\"n-check\"><input type=\"checkbox\" name=\"share\" checked data-share-location> {E(text["alarm-page.share-location"].Value)}</label>")
            .Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" class=\"n-press\" data-testid=\"press\">{E(text["alarm-page.press"].Value)}</button>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"n-hint\">{E(text["alarm-page.press-hint"].Value)}</p></form>");
        return html.ToString();
    }

    private static string Sent(IStringLocalizer text, string at) =>
        $"<p class=\"n-sent\" role=\"status\" data-testid=\"sent\">{E(text["alarm-page.sent", at].Value)}</p>"
        + $"<p class=\"n-hint\">{E(text["alarm-page.sent-hint"].Value)}</p>";

    private static string Locked(IStringLocalizer text, AlarmEnrolment enrolment, DateTimeOffset now)
    {
        var minutes = (int)Math.Ceiling(((enrolment.LockedUntil ?? now) - now).TotalMinutes);
        return $"<p class=\"n-error\" role=\"alert\" data-testid=\"locked\">{E(text["alarm-page.locked", Math.Max(1, minutes)].Value)}</p>";
    }

    private static string Error(string? error) => error is null ? string.Empty : $"<p class=\"n-error\" role=\"alert\">{E(error)}</p>";

    private static string E(string value) => Encoder.Encode(value);
}

/// <summary>
/// Requests to alarm links per client address and minute (policy <c>requestsPerMinute</c>; a node may
/// override it with <c>Lianhu:Alarms:RequestsPerMinute</c>, as tests do); over it, an empty page with 429.
/// </summary>
public sealed class AlarmRateLimit(AlarmPolicy policy, IConfiguration configuration) : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("Lianhu:Alarms:RequestsPerMinute", policy.RequestsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var lease = limiter.AttemptAcquire(context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!lease.IsAcquired)
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return Results.Text("<!doctype html><html><head><meta charset=\"utf-8\"><title>…</title></head><body></body></html>", "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status429TooManyRequests);
        }

        return await next(context);
    }

    public void Dispose() => limiter.Dispose();
}
