using System.Runtime.InteropServices;

namespace ArchiveSearch.Engine.Archive;

/// <summary>
/// Asks the operating system to start reading a file the indexing workers will reach soon, without waiting for it
/// (Linux's <c>posix_fadvise(WILLNEED)</c>; elsewhere nothing). On a cold archive the workers otherwise wait on one
/// small file at a time, and a disk that stalls now and then keeps a core idle; many reads in flight ride the stalls out.
/// </summary>
internal static partial class ReadAhead
{
    /// <summary>How many files ahead of the one a worker takes: a fraction of a second of indexing.</summary>
    internal const int Distance = 256;

    private const int WillNeed = 3;

    /// <summary>A hint only: a file that is gone or unreadable is reported when the worker reads it, not here.</summary>
    public static void Hint(string path)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            using var handle = File.OpenHandle(path);
            _ = Advise((int)handle.DangerousGetHandle(), 0, 0, WillNeed);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        catch (ArgumentException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Advise(int fd, long offset, long length, int advice);
}
