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

    /// <summary>
    /// The files (from, up to but not including to) to hint as a worker takes file <paramref name="item"/> of
    /// <paramref name="count"/>, taken in order: the one <see cref="Distance"/> ahead, and, with the first file, every
    /// file up to that distance, so the run's first files are not read cold one at a time either. Every file after the
    /// first is hinted once, before any worker takes it.
    /// </summary>
    public static (int From, int To) FilesToHint(int item, int count) =>
        item == 0 ? (Math.Min(1, count), Math.Min(Distance + 1, count)) : (item + Distance, Math.Min(item + Distance + 1, count));

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

    /// <summary>Linux's <c>posix_fadvise</c>; the tests also use it to drop a file from the page cache.</summary>
    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    internal static partial int Advise(int fd, long offset, long length, int advice);
}
