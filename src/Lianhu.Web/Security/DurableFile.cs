using System.Text;

namespace Lianhu.Web.Security;

/// <summary>
/// Writes a small secret file (a key, the audit anchor) so that a crash at any moment — <c>kill -9</c>,
/// a full disk, a power cut — leaves either the old file or the whole new one, never an empty or
/// half-written file under the real name: the bytes go to an owner-only temp file beside it, are
/// flushed to the disk, and only then renamed into place (a rename is atomic on one file system).
/// </summary>
public static class DurableFile
{
    /// <summary>Temp files carry this suffix; readers of a directory ignore them.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/>. Without <paramref name="overwrite"/>
    /// the file is only created: false when it already exists (another writer won), and it is left as it was.
    /// </summary>
    /// <param name="beforeRename">Runs when the temp file is on disk and not yet renamed — where a crash would land (tests).</param>
    public static bool Write(string path, string content, bool overwrite, Action<string>? beforeRename = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(content));
                stream.Flush(flushToDisk: true);
            }

            beforeRename?.Invoke(temp);
            if (overwrite)
            {
                File.Move(temp, path, overwrite: true);
                return true;
            }

            if (File.Exists(path))
            {
                return false;
            }

            // Move without overwrite fails when another writer renamed its file in meanwhile: it won.
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
