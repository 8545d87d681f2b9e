using System.Runtime.InteropServices;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

/// <summary>
/// The indexing workers' read-ahead hint (<see cref="ReadAhead"/>): it brings a file into the page cache without
/// reading it, and a file that is gone, or is a folder, costs nothing (the worker reports it when it gets there).
/// </summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void A_hinted_file_is_read_into_the_page_cache()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = folder.Write("2024-05-01/1714521600_00000000000000aa.md", new byte[256 * 1024]);
        Evict(path);
        Assert.Equal(0, ResidentPages(path));

        ReadAhead.Hint(path);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ResidentPages(path) < Pages(path) && DateTime.UtcNow < deadline) Thread.Sleep(10);
        Assert.Equal(Pages(path), ResidentPages(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(ReadAhead.Distance)]
    [InlineData(ReadAhead.Distance + 1)]
    [InlineData(ReadAhead.Distance + 2)]
    [InlineData(5_000)]
    public void Every_file_after_the_first_is_hinted_once_before_a_worker_takes_it(int count)
    {
        var hintedBy = new Dictionary<int, int>();
        for (var item = 0; item < count; item++)
        {
            var (from, to) = ReadAhead.FilesToHint(item, count);
            for (var file = from; file < to; file++)
            {
                Assert.InRange(file, 0, count - 1);
                Assert.True(hintedBy.TryAdd(file, item), $"file {file} hinted by item {hintedBy.GetValueOrDefault(file)} and again by {item}");
            }
        }
        Assert.Equal(Enumerable.Range(1, Math.Max(0, count - 1)), hintedBy.Keys.Order());
        Assert.All(hintedBy, hint => Assert.True(hint.Value < hint.Key, $"file {hint.Key} hinted only when item {hint.Value} was taken"));
    }

    [Fact]
    public void A_hint_for_a_missing_file_or_a_folder_does_nothing()
    {
        ReadAhead.Hint(Path.Combine(folder.Root, "gone.md"));
        ReadAhead.Hint(folder.Root);
        ReadAhead.Hint("");
    }

    private static int Pages(string path) => (int)((new FileInfo(path).Length + Environment.SystemPageSize - 1) / Environment.SystemPageSize);

    /// <summary>The file's clean pages dropped from the page cache (written to disk first).</summary>
    private static void Evict(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
        Assert.Equal(0, ReadAhead.Advise((int)stream.SafeFileHandle.DangerousGetHandle(), 0, 0, DontNeed));
    }

    /// <summary>How many of the file's pages are in the page cache (<c>mincore</c> over a mapping of it).</summary>
    private static int ResidentPages(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        var length = (nuint)stream.Length;
        var address = mmap(IntPtr.Zero, length, ProtRead, MapShared, (int)stream.SafeFileHandle.DangerousGetHandle(), 0);
        Assert.NotEqual(new IntPtr(-1), address);
        try
        {
            var pages = new byte[Pages(path)];
            Assert.Equal(0, mincore(address, length, pages));
            return pages.Count(p => (p & 1) != 0);
        }
        finally
        {
            munmap(address, length);
        }
    }

    private const int DontNeed = 4;
    private const int ProtRead = 1;
    private const int MapShared = 1;

    [DllImport("libc")]
    private static extern IntPtr mmap(IntPtr address, nuint length, int protection, int flags, int fd, long offset);

    [DllImport("libc")]
    private static extern int mincore(IntPtr address, nuint length, byte[] pages);

    [DllImport("libc")]
    private static extern int munmap(IntPtr address, nuint length);

    public void Dispose() => folder.Dispose();
}
