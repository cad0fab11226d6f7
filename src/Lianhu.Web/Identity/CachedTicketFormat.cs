using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Identity;

/// <summary>
/// Remembers the tickets of bearer tokens already opened. Opening a token is data protection's
/// key derivation, AES-CBC and HMAC every time — the largest single cost of a small API call —,
/// while a client sends the same token for its whole hour. A token is immutable and carries its
/// own expiry, which the bearer handler still checks on every request, so a remembered ticket
/// answers exactly what opening it again would. Each request gets its own copy of the ticket.
/// Bounded: past <see cref="Capacity"/> tokens the memory is dropped and refilled on demand.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    public const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, AuthenticationTicket> opened = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (opened.TryGetValue(protectedText, out var known))
        {
            if (known.Properties.ExpiresUtc is { } expires && expires > time.GetUtcNow())
            {
                return known.Clone();
            }

            opened.TryRemove(protectedText, out _);
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc is { } until && until > time.GetUtcNow())
        {
            if (opened.Count >= Capacity)
            {
                opened.Clear();
            }

            opened[protectedText] = ticket.Clone();
        }

        return ticket;
    }

    /// <summary>Wraps the protector the bearer scheme set up (runs after its own post-configuration).</summary>
    public sealed class Install(TimeProvider time) : IPostConfigureOptions<BearerTokenOptions>
    {
        public void PostConfigure(string? name, BearerTokenOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (options.BearerTokenProtector is { } protector and not CachedTicketFormat)
            {
                options.BearerTokenProtector = new CachedTicketFormat(protector, time);
            }
        }
    }
}
