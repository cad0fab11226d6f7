using Microsoft.Win32.SafeHandles;

namespace Lianhu.Domain.People;

/// <summary>Owns one UTransliterator* and closes it exactly once, even if Dispose is forgotten.</summary>
internal sealed unsafe class SafeTransliteratorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly IcuTransliterationApi _api;

    public SafeTransliteratorHandle(IcuTransliterationApi api, nint transliterator)
        : base(ownsHandle: true)
    {
        _api = api;
        SetHandle(transliterator);
    }

    protected override bool ReleaseHandle()
    {
        _api.Close(handle);
        return true;
    }
}
