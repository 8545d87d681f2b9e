using System.Collections.Concurrent;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>Live counters of a running indexing run, safe to read from other threads while it runs.</summary>
public sealed class ReindexProgress
{
    private readonly ConcurrentQueue<ArchiveProblem> problems = new();
    private int total, scanned, added, updated, deleted, unchanged;
    private long bytes;

    public int Total => Volatile.Read(ref total);
    public int Scanned => Volatile.Read(ref scanned);
    public int Added => Volatile.Read(ref added);
    public int Updated => Volatile.Read(ref updated);
    public int Deleted => Volatile.Read(ref deleted);
    public int Unchanged => Volatile.Read(ref unchanged);
    public int Skipped => problems.Count;
    public long SourceBytes => Interlocked.Read(ref bytes);

    /// <summary>Skipped files in path order.</summary>
    public IReadOnlyList<ArchiveProblem> Problems =>
        problems.OrderBy(p => p.RelativePath, StringComparer.Ordinal).ToList();

    internal void SetTotal(int value) => Volatile.Write(ref total, value);
    internal void FileScanned() => Interlocked.Increment(ref scanned);
    internal void ArticleAdded(long size) { Interlocked.Increment(ref added); Interlocked.Add(ref bytes, size); }
    internal void ArticleUpdated(long size) { Interlocked.Increment(ref updated); Interlocked.Add(ref bytes, size); }
    internal void ArticleDeleted() => Interlocked.Increment(ref deleted);
    internal void FileUnchanged() => Interlocked.Increment(ref unchanged);
    internal void FileSkipped(ArchiveProblem problem) => problems.Enqueue(problem);
}
