using System.Collections.Concurrent;

namespace Lianhu.Domain.People;

/// <summary>
/// One ICU transform (e.g. "Han-Latin; Latin-ASCII; Lower") over the system's libicui18n.
/// Safe to share between threads: ICU's UTransliterator is not, so calls into it are serialised
/// behind a lock, and repeated inputs (names recur constantly in matching) come from a bounded
/// cache without touching ICU.
/// </summary>
public sealed class IcuTransliterator : IDisposable
{
    /// <summary>Names are personal data: keep few in memory, and drop them all rather than track age.</summary>
    private const int CacheLimit = 10_000;

    private const int ForwardDirection = 0;
    private const int BufferOverflowError = 15;

    private readonly IcuTransliterationApi _api;
    private readonly int _capacityPerCharacter;
    private readonly SafeTransliteratorHandle _handle;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <exception cref="PlatformNotSupportedException">ICU is not installed.</exception>
    /// <exception cref="ArgumentException">ICU does not know <paramref name="transformId"/>.</exception>
    public IcuTransliterator(string transformId)
        : this(IcuTransliterationApi.Shared, transformId)
    {
    }

    /// <param name="capacityPerCharacter">Tests lower it to force the buffer-overflow retry.</param>
    internal IcuTransliterator(IcuTransliterationApi api, string transformId, int capacityPerCharacter = 8)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transformId);
        _api = api;
        _capacityPerCharacter = capacityPerCharacter;
        TransformId = transformId;
        _handle = Open(api, transformId);
    }

    public string TransformId { get; }

    public string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (text.Length == 0)
        {
            return text;
        }

        if (_cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        string result;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            result = TransliterateWithIcu(text);
        }

        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[text] = result;
        return result;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _handle.Dispose();
        }

        _cache.Clear();
    }

    private static unsafe SafeTransliteratorHandle Open(IcuTransliterationApi api, string transformId)
    {
        var status = 0;
        nint transliterator;
        fixed (char* id = transformId)
        {
            transliterator = api.OpenU(id, transformId.Length, ForwardDirection, null, -1, null, &status);
        }

        if (status > 0 || transliterator == 0)
        {
            throw new ArgumentException(
                $"ICU cannot open the transform '{transformId}' (UErrorCode {status}).", nameof(transformId));
        }

        return new SafeTransliteratorHandle(api, transliterator);
    }

    /// <summary>
    /// utrans_transUChars works in place: the buffer must hold the result. A pinyin syllable is
    /// at most six letters plus a space, so eight times the input fits almost always; if not,
    /// ICU reports the length it needed and we retry once with exactly that.
    /// </summary>
    private unsafe string TransliterateWithIcu(string text)
    {
        var capacity = (text.Length * _capacityPerCharacter) + 16;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var buffer = new char[capacity];
            text.CopyTo(buffer);
            int length = text.Length, limit = text.Length, status = 0;
            fixed (char* chars = buffer)
            {
                _api.TransUChars(_handle.DangerousGetHandle(), chars, &length, capacity, 0, &limit, &status);
            }

            if (status == BufferOverflowError)
            {
                capacity = length + 1;
                continue;
            }

            if (status > 0)
            {
                throw new InvalidOperationException($"ICU transform '{TransformId}' failed (UErrorCode {status}).");
            }

            return new string(buffer, 0, length);
        }

        throw new InvalidOperationException($"ICU transform '{TransformId}' kept overflowing its buffer.");
    }
}
