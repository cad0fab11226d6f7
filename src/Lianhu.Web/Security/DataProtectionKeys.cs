using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Security;

/// <summary>
/// Makes the data-protection key ring (which signs cookies and bearer tokens) ready before the
/// service answers, instead of on the first sign-in: run under the startup lock, so nodes started
/// together share one key, and the first token is only ever issued under a key already stored.
/// A stored key that cannot be opened stops the start: letting data protection quietly make a new
/// one would sign everyone out (ADR 0030).
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>Data protection itself makes a successor this long before a key expires.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(2);

    /// <summary>Creates the first (or a successor) key when none is usable; returns true when it created one.</summary>
    public static bool Ensure(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var keys = services.GetRequiredService<IKeyManager>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var live = keys.GetAllKeys().Where(k => !k.IsRevoked && k.ExpirationDate > now).ToList();
        foreach (var key in live)
        {
            try
            {
                _ = key.CreateEncryptor() ?? throw new InvalidOperationException("no encryptor");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new InvalidOperationException(
                    $"Data-protection key {key.KeyId} cannot be opened (is Lianhu:Encryption:KeyRingPath the ring it was sealed with?). Refusing to start: a new key would sign everyone out.",
                    ex);
            }
        }

        var created = false;
        if (!live.Any(k => k.ActivationDate <= now && k.ExpirationDate > now + RenewBefore))
        {
            var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
            keys.CreateNewKey(now, now + lifetime);
            created = true;
        }

        // The same path a token takes: the ring loads, the default key protects and opens.
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("lianhu.startup-check");
        if (protector.Unprotect(protector.Protect("ready")) != "ready")
        {
            throw new InvalidOperationException("The data-protection key ring does not round-trip.");
        }

        return created;
    }
}
