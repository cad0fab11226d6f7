using System.Security.Cryptography;
using System.Text;

namespace Lianhu.Web.Security;

/// <summary>
/// Encrypts sensitive fields at rest (names, ID numbers, phones, addresses, free-text notes) with
/// AES-256-GCM under keys kept OUTSIDE the database, in a key-ring directory
/// (<c>Lianhu:Encryption:KeyRingPath</c>), and computes keyed hashes (HMAC-SHA256 "blind indexes")
/// so exact matching on ID numbers and phones still works without storing them in clear.
/// <para>Envelope: <c>v1:&lt;key id&gt;:&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;</c>. The purpose (e.g.
/// <c>case.summary</c>) is authenticated data, so a value cannot be moved to another column.
/// New writes use the newest data key; older keys stay to read older rows (ADR 0010).</para>
/// </summary>
public sealed class FieldCipher
{
    private const string Prefix = "v1:";
    private readonly bool createIfMissing;
    private readonly Lock reloadLock = new();
    private volatile Lazy<KeyRing> ring;

    public FieldCipher(string keyRingPath, bool createIfMissing)
    {
        KeyRingPath = Path.GetFullPath(keyRingPath);
        this.createIfMissing = createIfMissing;
        ring = NewRing();
    }

    /// <summary>Identifies the key ring (the EF model is cached per ring, see <see cref="Data.LianhuModelCacheKeyFactory"/>).</summary>
    public string KeyRingPath { get; }

    public string ActiveKeyId => ring.Value.ActiveId;

    /// <summary>
    /// One AES-GCM instance per thread and data key: setting a key up costs more than sealing a
    /// short field, an intake seals about fifteen, and an instance must not be shared across
    /// threads. Keys are compared by reference (a key array lives as long as its ring).
    /// </summary>
    [ThreadStatic]
    private static Dictionary<byte[], AesGcm>? ciphers;

    private static AesGcm CipherFor(byte[] key)
    {
        ciphers ??= new Dictionary<byte[], AesGcm>(ReferenceEqualityComparer.Instance);
        if (!ciphers.TryGetValue(key, out var aes))
        {
            if (ciphers.Count >= 16)
            {
                // Rings rarely change; a thread that saw many (tests, rotations) starts afresh.
                foreach (var old in ciphers.Values)
                {
                    old.Dispose();
                }

                ciphers.Clear();
            }

            aes = new AesGcm(key, 16);
            ciphers[key] = aes;
        }

        return aes;
    }

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public string Seal(string plaintext, string purpose)
    {
        var keys = ring.Value;
        var key = keys.Data[keys.ActiveId];
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + plain.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        var aes = CipherFor(key);
        aes.Encrypt(nonce, plain, output.AsSpan(12, plain.Length), output.AsSpan(12 + plain.Length, 16), Encoding.UTF8.GetBytes(purpose));
        return $"{Prefix}{keys.ActiveId}:{Convert.ToBase64String(output)}";
    }

    /// <summary>Decrypts an envelope; a value written before encryption was enabled is returned as it is (the re-encrypt verb seals it).</summary>
    public string Open(string stored, string purpose)
    {
        if (!IsSealed(stored))
        {
            return stored;
        }

        var rest = stored.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        var keyId = rest[..colon].ToString();
        if (!ring.Value.Data.TryGetValue(keyId, out var key))
        {
            // Another node (or 'lianhu keys rotate') added a key since this process loaded the ring.
            Reload();
            if (!ring.Value.Data.TryGetValue(keyId, out key))
            {
                throw new CryptographicException($"Data key '{keyId}' is not in the key ring at {KeyRingPath}.");
            }
        }

        var data = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        return Decrypt(key, data, purpose);
    }

    /// <summary>Like <see cref="Open"/>, but null when the value cannot be decrypted (an unknown key, a bad envelope, a failed tag).</summary>
    public string? TryOpen(string stored, string purpose)
    {
        try
        {
            return Open(stored, purpose);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Re-reads the key ring from disk (new writes then use the newest key).</summary>
    public void Reload()
    {
        lock (reloadLock)
        {
            ring = NewRing();
        }
    }

    private static string Decrypt(byte[] key, byte[] data, string purpose)
    {
        var plain = new byte[data.Length - 28];
        var aes = CipherFor(key);
        aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(12, plain.Length), data.AsSpan(12 + plain.Length, 16), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    private Lazy<KeyRing> NewRing() => new(() => KeyRing.Load(KeyRingPath, createIfMissing), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The key id a stored value was sealed with, or null for a legacy plain value.</summary>
    public static string? KeyIdOf(string? stored) =>
        stored is not null && IsSealed(stored) ? stored[Prefix.Length..stored.IndexOf(':', Prefix.Length)] : null;

    /// <summary>A keyed hash of an already normalised value, for exact matching (never reversible without the key).</summary>
    public string BlindIndex(string normalised, string purpose)
    {
        var mac = HMACSHA256.HashData(ring.Value.Index, Encoding.UTF8.GetBytes($"{purpose}\n{normalised}"));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// A keyed MAC (HMAC-SHA256) of <paramref name="content"/> under a key derived for
    /// <paramref name="purpose"/> from the active data key, as <c>&lt;key id&gt;:&lt;hex&gt;</c>. The key id
    /// lets a MAC made before a rotation still be checked (ADR 0023).
    /// </summary>
    public string Mac(string content, string purpose)
    {
        var keys = ring.Value;
        return $"{keys.ActiveId}:{Convert.ToHexStringLower(MacOf(keys.Data[keys.ActiveId], content, purpose))}";
    }

    /// <summary>True when <paramref name="stored"/> is a MAC this ring made of <paramref name="content"/> for <paramref name="purpose"/>.</summary>
    public bool VerifyMac(string content, string purpose, string? stored)
    {
        var colon = stored?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (stored is null || colon <= 0)
        {
            return false;
        }

        var keyId = stored[..colon];
        if (!ring.Value.Data.TryGetValue(keyId, out var key))
        {
            Reload();
            if (!ring.Value.Data.TryGetValue(keyId, out key))
            {
                return false;
            }
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(stored.AsSpan(colon + 1));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(claimed, MacOf(key, content, purpose));
    }

    /// <summary>The MAC key is derived (HKDF) from the data key and the purpose, so it never doubles as an encryption key.</summary>
    private static byte[] MacOf(byte[] dataKey, string content, string purpose)
    {
        var macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, salt: [], info: Encoding.UTF8.GetBytes($"lianhu-mac\n{purpose}"));
        return HMACSHA256.HashData(macKey, Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Adds a new data key and makes it the active one for new writes.</summary>
    public static string Rotate(string keyRingPath) => KeyRing.AddDataKey(Path.GetFullPath(keyRingPath));

    private sealed record KeyRing(Dictionary<string, byte[]> Data, string ActiveId, byte[] Index)
    {
        private const string IndexFile = "index-key.key";

        public static KeyRing Load(string path, bool createIfMissing)
        {
            var dataFiles = DataKeyFiles(path);
            if (dataFiles.Length == 0)
            {
                if (!createIfMissing)
                {
                    throw new InvalidOperationException(
                        $"No encryption key ring at {path}. Create one with 'lianhu keys init' (and back it up: without it encrypted data cannot be read), or set Lianhu:Encryption:KeyRingPath.");
                }

                // The first key has a fixed name: nodes creating a ring together end with one key, not one each.
                CreateDirectory(path);
                WriteKey(Path.Combine(path, "data-key-0001.key"));
                dataFiles = DataKeyFiles(path);
            }

            var data = dataFiles.ToDictionary(f => Path.GetFileNameWithoutExtension(f)["data-key-".Length..], f => ReadKey(f), StringComparer.Ordinal);
            var indexPath = Path.Combine(path, IndexFile);
            if (!File.Exists(indexPath))
            {
                if (!createIfMissing)
                {
                    throw new InvalidOperationException($"The key ring at {path} has no {IndexFile}.");
                }

                WriteKey(indexPath);
            }

            return new KeyRing(data, data.Keys.Max(StringComparer.Ordinal)!, ReadKey(indexPath));
        }

        public static string AddDataKey(string path)
        {
            CreateDirectory(path);

            string id;
            do
            {
                // Another process may take the same number at the same moment: the loser takes the next one.
                var next = DataKeyFiles(path)
                    .Select(f => int.Parse(Path.GetFileNameWithoutExtension(f)["data-key-".Length..], System.Globalization.CultureInfo.InvariantCulture))
                    .DefaultIfEmpty(0).Max() + 1;
                id = next.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            }
            while (!WriteKey(Path.Combine(path, $"data-key-{id}.key")));

            if (!File.Exists(Path.Combine(path, IndexFile)))
            {
                WriteKey(Path.Combine(path, IndexFile));
            }

            return id;
        }

        /// <summary>The data keys; temp files a crash left behind (<see cref="DurableFile.TempSuffix"/>) are not keys.</summary>
        private static string[] DataKeyFiles(string path) =>
            Directory.Exists(path) ? [.. Directory.GetFiles(path, "data-key-*.key").Where(f => f.EndsWith(".key", StringComparison.Ordinal))] : [];

        private static void CreateDirectory(string path)
        {
            Directory.CreateDirectory(path);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        private static byte[] ReadKey(string file)
        {
            var key = Convert.FromBase64String(File.ReadAllText(file).Trim());
            return key.Length == 32 ? key : throw new InvalidOperationException($"{Path.GetFileName(file)} is not a 256-bit key.");
        }

        /// <summary>Writes a new random key whole or not at all (<see cref="DurableFile"/>); false when the file already existed.</summary>
        private static bool WriteKey(string file) =>
            DurableFile.Write(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), overwrite: false);
    }
}
