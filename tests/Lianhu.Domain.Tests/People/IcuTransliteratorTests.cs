using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

public class IcuTransliteratorTests
{
    [Fact]
    public void Api_IsFoundWithTheInstalledMajorVersion()
    {
        var api = IcuTransliterationApi.Shared;

        api.LibraryName.ShouldStartWith("libicui18n.so");
        api.MajorVersion.ShouldBeInRange(IcuTransliterationApi.OldestMajorVersion, IcuTransliterationApi.NewestMajorVersion);
    }

    [Fact]
    public void Load_WithoutTheLibrary_ThrowsPlatformNotSupported()
    {
        var ex = Should.Throw<PlatformNotSupportedException>(() => IcuTransliterationApi.Load("libicui18n-missing.so"));
        ex.Message.ShouldContain("ICU");
    }

    [Fact]
    public void Constructor_UnknownTransform_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(() => new IcuTransliterator("No-Such-Transform"));

    [Fact]
    public void Transliterate_EmptyText_IsEmpty()
    {
        using var transliterator = new IcuTransliterator("Any-Upper");
        transliterator.Transliterate(string.Empty).ShouldBe(string.Empty);
    }

    [Fact]
    public void Transliterate_RepeatedInput_GivesTheSameResult()
    {
        using var transliterator = new IcuTransliterator("Han-Latin; Latin-ASCII; Lower");

        transliterator.Transliterate("张伟").ShouldBe("zhang wei");
        transliterator.Transliterate("张伟").ShouldBe("zhang wei");
    }

    [Fact]
    public void Transliterate_ResultLongerThanTheBuffer_RetriesWithTheLengthIcuNeeds()
    {
        using var transliterator = new IcuTransliterator(
            IcuTransliterationApi.Shared, "Han-Latin; Latin-ASCII; Lower", capacityPerCharacter: 1);
        var text = string.Concat(Enumerable.Repeat("张伟", 100));

        transliterator.Transliterate(text).ShouldBe(string.Join(' ', Enumerable.Repeat("zhang wei", 100)));
    }

    [Fact]
    public void Transliterate_AfterDispose_Throws()
    {
        var transliterator = new IcuTransliterator("Any-Upper");
        transliterator.Dispose();

        Should.Throw<ObjectDisposedException>(() => transliterator.Transliterate("abc"));
        transliterator.Dispose();
    }
}
