using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// The report form's signed, time-limited token (ASP.NET data protection): a fresh id and the time the
/// form was served. A form sent before <see cref="HelpOptions.MinFormSeconds"/> is too fast, after
/// <see cref="HelpOptions.FormMinutes"/> it has expired; the id is the intake's idempotency key, so a
/// token creates at most one case — a retry or a replay gets the generic answer and creates nothing.
/// </summary>
public sealed class FormTokens(IDataProtectionProvider protection, TimeProvider time, IOptions<HelpOptions> options)
{
    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Lianhu.Help.FormToken.v1").ToTimeLimitedDataProtector();

    public enum Verdict
    {
        Valid,
        Invalid,
        TooFast,
    }

    public string Issue()
    {
        var now = time.GetUtcNow();
        var payload = $"{Guid.CreateVersion7(now):N}|{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        return protector.Protect(payload, now.AddMinutes(options.Value.FormMinutes));
    }

    /// <summary>Reads a token: its id when valid; invalid when forged, expired or unreadable; too fast when held too briefly.</summary>
    public (Verdict Verdict, Guid Id) Check(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return (Verdict.Invalid, Guid.Empty);
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token, out var expires);
            if (expires < time.GetUtcNow())
            {
                return (Verdict.Invalid, Guid.Empty);
            }
        }
        catch (CryptographicException)
        {
            return (Verdict.Invalid, Guid.Empty);
        }

        var parts = payload.Split('|');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id) || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
        {
            return (Verdict.Invalid, Guid.Empty);
        }

        var held = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        return held < TimeSpan.FromSeconds(options.Value.MinFormSeconds) ? (Verdict.TooFast, id) : (Verdict.Valid, id);
    }
}
