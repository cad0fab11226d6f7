using System.Security.Cryptography;
using Lianhu.Web.Security;

namespace Lianhu.Web.Tests.Security;

public sealed class FieldCipherTests : IDisposable
{
    private readonly string ring = Path.Combine(Path.GetTempPath(), $"lianhu-ring-{Guid.NewGuid():N}");

    [Fact]
    public void Seal_ThenOpen_RoundTrips_AndNeverContainsThePlaintext()
    {
        var cipher = new FieldCipher(ring, createIfMissing: true);
        var sealedValue = cipher.Seal("张伟 13800138000 深圳市宝安区", "case.summary");

        sealedValue.ShouldStartWith("v1:0001:");
        sealedValue.ShouldNotContain("13800138000");
        cipher.Open(sealedValue, "case.summary").ShouldBe("张伟 13800138000 深圳市宝安区");
        cipher.Seal("same", "p").ShouldNotBe(cipher.Seal("same", "p"));
    }

    [Fact]
    public void Open_UnderAnotherPurpose_Fails()
    {
        var cipher = new FieldCipher(ring, createIfMissing: true);
        var sealedValue = cipher.Seal("secret", "person.name");
        Should.Throw<AuthenticationTagMismatchException>(() => cipher.Open(sealedValue, "case.summary"));
    }

    [Fact]
    public void Rotation_NewWritesUseTheNewKey_OldValuesStayReadable()
    {
        var before = new FieldCipher(ring, createIfMissing: true);
        var old = before.Seal("旧记录", "x");

        FieldCipher.Rotate(ring).ShouldBe("0002");
        var after = new FieldCipher(ring, createIfMissing: false);

        after.ActiveKeyId.ShouldBe("0002");
        FieldCipher.KeyIdOf(after.Seal("新记录", "x")).ShouldBe("0002");
        FieldCipher.KeyIdOf(old).ShouldBe("0001");
        after.Open(old, "x").ShouldBe("旧记录");
    }

    [Fact]
    public void BlindIndex_IsStablePerRing_AndDiffersBetweenRings()
    {
        var a = new FieldCipher(ring, createIfMissing: true);
        var other = new FieldCipher(ring + "-other", createIfMissing: true);
        a.BlindIndex("11010519491231002X", "person.id").ShouldBe(new FieldCipher(ring, false).BlindIndex("11010519491231002X", "person.id"));
        a.BlindIndex("11010519491231002X", "person.id").ShouldNotBe(other.BlindIndex("11010519491231002X", "person.id"));
        a.BlindIndex("11010519491231002X", "person.id").ShouldNotBe(a.BlindIndex("11010519491231002X", "person.phone"));
        Directory.Delete(ring + "-other", recursive: true);
    }

    [Fact]
    public void AMissingKeyRing_IsAClearError_UnlessCreationIsAllowed()
    {
        var cipher = new FieldCipher(ring, createIfMissing: false);
        Should.Throw<InvalidOperationException>(() => cipher.Seal("x", "p")).Message.ShouldContain("lianhu keys init");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeyFiles_AreReadableByTheOwnerOnly()
    {
        _ = new FieldCipher(ring, createIfMissing: true).ActiveKeyId;
        foreach (var file in Directory.GetFiles(ring))
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(ring))
        {
            Directory.Delete(ring, recursive: true);
        }
    }
}
