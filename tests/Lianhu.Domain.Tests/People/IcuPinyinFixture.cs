using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

/// <summary>One real ICU reader per test class: matcher tests use the same pinyin production does.</summary>
public sealed class IcuPinyinFixture : IDisposable
{
    public IcuPinyinReader Reader { get; } = new();

    public void Dispose() => Reader.Dispose();
}
