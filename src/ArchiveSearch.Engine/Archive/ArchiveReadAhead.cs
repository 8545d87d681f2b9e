using Microsoft.Win32.SafeHandles;

namespace ArchiveSearch.Engine.Archive;

/// <summary>
/// Reads archive files a little ahead of the indexing workers on a thread of its own, so that a worker finds its file in
/// the operating system's cache. An archive not read for a while (a first build, a rebuild of a large archive) is
/// otherwise read from disk one small file at a time by the workers themselves, each waiting for its read with its
/// core idle.
/// </summary>
internal sealed class ArchiveReadAhead : IDisposable
{
    /// <summary>Files read ahead of the workers' position: about a second of indexing, a few megabytes.</summary>
    internal const int Window = 512;

    private readonly IReadOnlyList<ArchiveFile> files;
    private readonly Func<int> workersAt;
    private readonly Thread thread;
    private readonly CancellationTokenSource stop = new();
    private int readUpTo;

    /// <param name="workersAt">The index of the file the workers took last.</param>
    public ArchiveReadAhead(IReadOnlyList<ArchiveFile> files, Func<int> workersAt)
    {
        this.files = files;
        this.workersAt = workersAt;
        thread = new Thread(Run) { IsBackground = true, Name = "archive read-ahead" };
        thread.Start();
    }

    /// <summary>How many files it has read (tests).</summary>
    public int FilesRead => Volatile.Read(ref readUpTo);

    /// <summary>Whether its thread is still reading or waiting for the workers (tests).</summary>
    public bool IsRunning => thread.IsAlive;

    private void Run()
    {
        var buffer = new byte[64 * 1024];
        while (!stop.IsCancellationRequested && readUpTo < files.Count)
        {
            // Read the workers' counter once: it moves meanwhile, and runs past the last file when they finish.
            var workers = Math.Max(workersAt(), 0);
            if (workers >= files.Count) break;
            if (readUpTo >= Math.Min(files.Count, workers + Window))
            {
                // Ahead of the workers by a whole window: wait for them (a few files' worth of indexing).
                stop.Token.WaitHandle.WaitOne(5);
                continue;
            }
            // Behind the workers, skip to them: a file they already took is no use read.
            var file = Math.Max(readUpTo, workers);
            Touch(files[file].FullPath, buffer);
            Volatile.Write(ref readUpTo, file + 1);
        }
    }

    /// <summary>Reads the file's bytes (up to the largest article accepted) into the cache; a file that fails is the worker's to report.</summary>
    private static void Touch(string path, byte[] buffer)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            long offset = 0;
            int read;
            while (offset < ArticleParser.MaxFileBytes && (read = RandomAccess.Read(handle, buffer, offset)) > 0) offset += read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        stop.Dispose();
    }
}
