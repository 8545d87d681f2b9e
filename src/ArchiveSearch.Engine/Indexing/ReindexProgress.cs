using System.Collections.Concurrent;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>Live counters of a running indexing run, safe to read from other threads while it runs.</summary>
/// <param name="time">The clock rates are measured with (tests pass their own).</param>
public sealed class ReindexProgress(TimeProvider? time = null)
{
    /// <summary>The rate is measured over about this long, so it follows a run whose pace changes (a resumed build
    /// flies over the files it already holds, then slows down to index the rest).</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly ConcurrentQueue<ArchiveProblem> problems = new();
    private readonly Lock samplesGate = new();
    private readonly List<(long Timestamp, int Scanned)> samples = [];
    private (long Timestamp, int Scanned) start;
    private long? stoppedAt;
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

    /// <summary>
    /// Files per second over the last half minute or so, and the time left at that rate; once the run has stopped,
    /// its average rate. Each call may record a sample, so calling it every few seconds is what makes it follow.
    /// </summary>
    public ProgressEstimate Estimate()
    {
        var done = Scanned;
        var left = Total - done;
        lock (samplesGate)
        {
            if (samples.Count == 0) return new ProgressEstimate(null, null);
            if (stoppedAt is { } end) return Measure(start, (end, done), left);
            var now = time.GetTimestamp();
            if (time.GetElapsedTime(samples[^1].Timestamp, now) >= SampleEvery) samples.Add((now, done));
            // Keep one sample older than the window, so the rate always spans at least the window once it has passed.
            while (samples.Count > 2 && time.GetElapsedTime(samples[1].Timestamp, now) >= Window) samples.RemoveAt(0);
            return Measure(samples[0], (now, done), left);
        }
    }

    private ProgressEstimate Measure((long Timestamp, int Scanned) from, (long Timestamp, int Scanned) to, int left)
    {
        var elapsed = time.GetElapsedTime(from.Timestamp, to.Timestamp);
        var stopped = stoppedAt is not null;
        // A running rate needs a second of history to mean anything; a finished run's average is exact however short.
        if (stopped ? elapsed <= TimeSpan.Zero : elapsed < Shortest) return new ProgressEstimate(null, left <= 0 ? TimeSpan.Zero : null);
        var rate = (to.Scanned - from.Scanned) / elapsed.TotalSeconds;
        TimeSpan? remaining = left <= 0 ? TimeSpan.Zero : rate > 0 && !stopped ? TimeSpan.FromSeconds(Math.Ceiling(left / rate)) : null;
        return new ProgressEstimate(rate, remaining);
    }

    internal void SetTotal(int value)
    {
        Volatile.Write(ref total, value);
        lock (samplesGate)
        {
            start = (time.GetTimestamp(), Scanned);
            samples.Clear();
            samples.Add(start);
            stoppedAt = null;
        }
    }

    /// <summary>The run is over (done, failed or cancelled): the estimate becomes its average rate.</summary>
    internal void Stop()
    {
        lock (samplesGate)
        {
            if (samples.Count > 0) stoppedAt = time.GetTimestamp();
        }
    }

    internal void FileScanned() => Interlocked.Increment(ref scanned);
    internal void ArticleAdded(long size) { Interlocked.Increment(ref added); Interlocked.Add(ref bytes, size); }
    internal void ArticleUpdated(long size) { Interlocked.Increment(ref updated); Interlocked.Add(ref bytes, size); }
    internal void ArticleDeleted() => Interlocked.Increment(ref deleted);
    internal void FileUnchanged() => Interlocked.Increment(ref unchanged);
    internal void FileSkipped(ArchiveProblem problem) => problems.Enqueue(problem);
}
