using System.Diagnostics;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

/// <summary>
/// The indexing workers' files are read a window ahead of them (so a cold archive does not keep a core waiting for the
/// disk), never further, and a file that cannot be read is left for the worker to report.
/// </summary>
public sealed class ArchiveReadAheadTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-readahead-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private List<ArchiveFile> Files(int count)
    {
        Directory.CreateDirectory(folder);
        var files = new List<ArchiveFile>();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"{i:00000}.txt");
            // Every tenth file is missing: the read-ahead goes past it.
            if (i % 10 != 7) File.WriteAllText(path, $"article {i}");
            files.Add(new ArchiveFile(path, $"{i:00000}.txt", 10, DateTime.UtcNow));
        }
        return files;
    }

    private static void WaitFor(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(5);
    }

    [Fact]
    public void It_reads_one_window_ahead_of_the_workers_and_no_further()
    {
        var files = Files(ArchiveReadAhead.Window * 2 + 100);
        var workersAt = -1;
        using var readAhead = new ArchiveReadAhead(files, () => Volatile.Read(ref workersAt));

        WaitFor(() => readAhead.FilesRead >= ArchiveReadAhead.Window);
        Thread.Sleep(100);
        Assert.Equal(ArchiveReadAhead.Window, readAhead.FilesRead);

        Volatile.Write(ref workersAt, ArchiveReadAhead.Window + 50);
        WaitFor(() => readAhead.FilesRead >= 2 * ArchiveReadAhead.Window + 50);
        Thread.Sleep(100);
        Assert.Equal(2 * ArchiveReadAhead.Window + 50, readAhead.FilesRead);

        Volatile.Write(ref workersAt, files.Count - 1);
        WaitFor(() => readAhead.FilesRead >= files.Count);
        Assert.Equal(files.Count, readAhead.FilesRead);
    }

    [Fact]
    public void Disposing_it_while_it_waits_for_the_workers_stops_it()
    {
        var files = Files(ArchiveReadAhead.Window + 10);
        var readAhead = new ArchiveReadAhead(files, () => -1);
        WaitFor(() => readAhead.FilesRead >= ArchiveReadAhead.Window);

        var watch = Stopwatch.StartNew();
        readAhead.Dispose();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"disposing took {watch.Elapsed}");
        Assert.Equal(ArchiveReadAhead.Window, readAhead.FilesRead);
    }

    [Fact]
    public void Workers_past_the_last_file_end_it_without_reading_further()
    {
        var files = Files(ArchiveReadAhead.Window * 2);
        var workersAt = ArchiveReadAhead.Window / 2;
        using var readAhead = new ArchiveReadAhead(files, () => Volatile.Read(ref workersAt));
        WaitFor(() => readAhead.FilesRead >= ArchiveReadAhead.Window + ArchiveReadAhead.Window / 2);

        // The workers' counter ends a few past the last file (one increment per worker that found nothing left).
        Volatile.Write(ref workersAt, files.Count + 1);
        WaitFor(() => !readAhead.IsRunning);

        Assert.False(readAhead.IsRunning);
        Assert.Equal(ArchiveReadAhead.Window + ArchiveReadAhead.Window / 2, readAhead.FilesRead);
    }
}
