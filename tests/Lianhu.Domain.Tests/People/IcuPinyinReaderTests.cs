using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

/// <summary>Runs the real ICU on this machine: these tests are the proof the P/Invoke works.</summary>
public sealed class IcuPinyinReaderTests : IDisposable
{
    private readonly IcuPinyinReader _reader = new();

    [Theory]
    [InlineData("张伟", "zhang wei")]
    [InlineData("章伟", "zhang wei")]
    [InlineData("張偉", "zhang wei")]
    [InlineData("欧阳娜娜", "ou yang na na")]
    [InlineData("吕", "lu")]
    [InlineData("Zhāng Wěi", "zhang wei")]
    public void ToPinyin_GivesToneLessLowerCaseSyllables(string text, string expected) =>
        _reader.ToPinyin(text).ShouldBe(expected);

    [Fact]
    public void ToPinyin_PolyphonicSurname_GetsIcusSingleReading() =>
        // The surname 单 is read Shan; ICU knows one reading per character. Documented in ADR 0007.
        _reader.ToPinyin("单").ShouldBe("dan");

    [Theory]
    [InlineData("張偉", "张伟")]
    [InlineData("歐陽娜娜", "欧阳娜娜")]
    [InlineData("张伟", "张伟")]
    [InlineData("Zhang Wei", "Zhang Wei")]
    public void ToSimplified_FoldsTraditionalCharacters(string text, string expected) =>
        _reader.ToSimplified(text).ShouldBe(expected);

    [Fact]
    public void ToPinyin_LongName_RoundTripsIntact()
    {
        var text = string.Concat(Enumerable.Repeat("张伟", 500));

        _reader.ToPinyin(text).ShouldBe(string.Join(' ', Enumerable.Repeat("zhang wei", 500)));
    }

    [Fact]
    public void ToPinyin_FromManyThreads_GivesTheSameAnswers()
    {
        string[] names = ["张伟", "章伟", "王芳", "汪芳", "李娜", "刘洋", "陈静", "欧阳娜娜"];
        var expected = names.ToDictionary(n => n, _reader.ToPinyin);

        Parallel.For(0, 4_000, i =>
        {
            // A fresh string each time, so most calls miss the cache and reach ICU concurrently.
            var name = names[i % names.Length] + new string('伟', i % 7);
            var pinyin = _reader.ToPinyin(name);
            pinyin.ShouldStartWith(expected[names[i % names.Length]]);
        });
    }

    public void Dispose() => _reader.Dispose();
}
