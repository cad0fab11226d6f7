using System.Globalization;
using System.Runtime.InteropServices;

namespace Lianhu.Domain.People;

/// <summary>
/// The three utrans_* entry points of the system's libicui18n, found the way .NET's own
/// globalization shim finds ICU: an explicit CLR_ICU_VERSION_OVERRIDE first, then versioned
/// sonames from newest to oldest, then the unversioned name. ICU renames its symbols per major
/// version (utrans_openU_72), which is why these are function pointers resolved at run time
/// rather than [LibraryImport] declarations with a fixed entry point.
/// </summary>
internal sealed unsafe class IcuTransliterationApi
{
    internal const int NewestMajorVersion = 90;
    internal const int OldestMajorVersion = 50;
    internal const string DefaultLibraryBaseName = "libicui18n.so";

    private static readonly string[] Symbols = ["utrans_openU", "utrans_transUChars", "utrans_close"];

    private static readonly Lazy<IcuTransliterationApi> LazyShared = new(() => Load(DefaultLibraryBaseName));

    private IcuTransliterationApi(string libraryName, nint library, int majorVersion)
    {
        LibraryName = libraryName;
        MajorVersion = majorVersion;
        OpenU = (delegate* unmanaged<char*, int, int, char*, int, void*, int*, nint>)Export(library, "utrans_openU", majorVersion);
        TransUChars = (delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void>)Export(library, "utrans_transUChars", majorVersion);
        Close = (delegate* unmanaged<nint, void>)Export(library, "utrans_close", majorVersion);
    }

    /// <summary>The process-wide binding; throws <see cref="PlatformNotSupportedException"/> without ICU.</summary>
    public static IcuTransliterationApi Shared => LazyShared.Value;

    public string LibraryName { get; }

    /// <summary>0 when the library exports unversioned symbols.</summary>
    public int MajorVersion { get; }

    /// <summary>utrans_openU(id, idLength, direction, rules, rulesLength, parseError, status).</summary>
    public delegate* unmanaged<char*, int, int, char*, int, void*, int*, nint> OpenU { get; }

    /// <summary>utrans_transUChars(trans, text, textLength, capacity, start, limit, status).</summary>
    public delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void> TransUChars { get; }

    public delegate* unmanaged<nint, void> Close { get; }

    internal static IcuTransliterationApi Load(string libraryBaseName)
    {
        foreach (var major in CandidateMajorVersions())
        {
            var name = $"{libraryBaseName}.{major}";
            if (NativeLibrary.TryLoad(name, out var library)
                && FindSymbolVersion(library, [major, 0]) is { } symbolVersion)
            {
                return new IcuTransliterationApi(name, library, symbolVersion);
            }
        }

        // Only a development symlink, or a distribution that ships an unversioned soname.
        if (NativeLibrary.TryLoad(libraryBaseName, out var unversioned)
            && FindSymbolVersion(unversioned, CandidateMajorVersions().Append(0)) is { } version)
        {
            return new IcuTransliterationApi(libraryBaseName, unversioned, version);
        }

        throw new PlatformNotSupportedException(
            $"ICU transliteration is unavailable: no {libraryBaseName}.N " +
            $"(N = {NewestMajorVersion}..{OldestMajorVersion}) exporting utrans_openU, utrans_transUChars " +
            "and utrans_close was found. Install the system ICU package (Debian: libicu72 or newer); " +
            "person matching needs it even where the app runs with invariant globalization.");
    }

    private static IEnumerable<int> CandidateMajorVersions()
    {
        // Same escape hatch as the runtime, e.g. CLR_ICU_VERSION_OVERRIDE=72.1.
        var requested = Environment.GetEnvironmentVariable("CLR_ICU_VERSION_OVERRIDE");
        if (requested is not null
            && int.TryParse(requested.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var overridden))
        {
            yield return overridden;
        }

        for (var major = NewestMajorVersion; major >= OldestMajorVersion; major--)
        {
            yield return major;
        }
    }

    /// <summary>
    /// ICU built with symbol renaming (the default, and Debian's) exports only utrans_openU_72;
    /// builds without it export plain utrans_openU. 0 stands for the plain name. All three
    /// symbols must be there, so a partial build fails here as "not supported", not later.
    /// </summary>
    private static int? FindSymbolVersion(nint library, IEnumerable<int> majors)
    {
        foreach (var major in majors)
        {
            if (Symbols.All(name => NativeLibrary.TryGetExport(library, SymbolName(name, major), out _)))
            {
                return major;
            }
        }

        return null;
    }

    private static nint Export(nint library, string name, int major) =>
        NativeLibrary.GetExport(library, SymbolName(name, major));

    private static string SymbolName(string name, int major) => major == 0 ? name : $"{name}_{major}";
}
