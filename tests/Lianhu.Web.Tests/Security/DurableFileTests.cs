using Lianhu.Web.Security;

namespace Lianhu.Web.Tests.Security;

/// <summary>Key and anchor files are written whole or not at all (issue 17, ADR 0030).</summary>
public sealed class DurableFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("lianhu-durable-").FullName;

    [Fact]
    public void ACrashBeforeTheRename_LeavesNothingUnderTheRealName()
    {
        var path = Path.Combine(dir, "data-key-0001.key");

        Should.Throw<IOException>(() => DurableFile.Write(path, "AAAA", overwrite: false, beforeRename: _ => throw new IOException("killed here")));

        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void ACrashWhileReplacing_KeepsTheOldFileWhole_AndTheNewOneIsOwnerOnly()
    {
        var path = Path.Combine(dir, "audit-anchor");
        DurableFile.Write(path, "old content", overwrite: true).ShouldBeTrue();

        Should.Throw<IOException>(() => DurableFile.Write(path, "new content", overwrite: true, beforeRename: _ => throw new IOException("killed here")));

        File.ReadAllText(path).ShouldBe("old content");
        DurableFile.Write(path, "new content", overwrite: true).ShouldBeTrue();
        File.ReadAllText(path).ShouldBe("new content");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void CreateOnly_DoesNotReplaceAnExistingFile()
    {
        var path = Path.Combine(dir, "index-key.key");
        DurableFile.Write(path, "first", overwrite: false).ShouldBeTrue();
        DurableFile.Write(path, "second", overwrite: false).ShouldBeFalse();
        File.ReadAllText(path).ShouldBe("first");
        Directory.GetFiles(dir).ShouldBe([path]); // no temp file left behind
    }

    [Fact]
    public async Task KeyRingFiles_AppearOnlyByRename_NeverCreatedEmptyUnderTheirName()
    {
        var ring = Path.Combine(dir, "ring");
        _ = new FieldCipher(ring, createIfMissing: true).ActiveKeyId;
        var created = new List<string>();
        var renamed = new List<string>();
        using (var watcher = new FileSystemWatcher(ring) { IncludeSubdirectories = false })
        {
            watcher.Created += (_, e) => { lock (created) { created.Add(e.Name!); } };
            watcher.Renamed += (_, e) => { lock (renamed) { renamed.Add(e.Name!); } };
            watcher.EnableRaisingEvents = true;

            FieldCipher.Rotate(ring).ShouldBe("0002");
            await Task.Delay(500);
        }

        // A file created under its real name and then written is what a kill -9 could leave empty;
        // a key must appear by renaming a file already written and flushed.
        lock (created)
        {
            created.ShouldNotContain("data-key-0002.key");
        }

        lock (renamed)
        {
            renamed.ShouldContain("data-key-0002.key");
        }
    }

    [Fact]
    public void ATempFileACrashLeftInTheRing_IsNotTakenForAKey()
    {
        var ring = Path.Combine(dir, "ring");
        var active = new FieldCipher(ring, createIfMissing: true).ActiveKeyId;
        File.WriteAllText(Path.Combine(ring, "data-key-0002.key.123.0123456789abcdef.tmp"), "torn");

        new FieldCipher(ring, createIfMissing: false).ActiveKeyId.ShouldBe(active);
    }

    public void Dispose()
    {
        Directory.Delete(dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
