using System.Diagnostics;
using System.Runtime.ExceptionServices;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// Brings an index up to date with an archive: new files are added, files whose content hash changed are
/// replaced, files that disappeared are deleted, the rest is left alone. Files are read, parsed and analysed
/// on all cores and fed to the one IndexWriter (thread-safe), and everything is committed once at the end,
/// so searches see the whole run at once or not at all: a cancelled or failed run leaves the index as it was.
/// A first build instead commits in batches (<see cref="BatchCommits"/>): with nothing older to stay consistent
/// with, searches see it grow, and a cancelled, failed or killed build keeps its last committed batch.
/// A file that turned bad is reported and keeps its last good version.
/// </summary>
public static class ArchiveIndexer
{
    /// <param name="target">The index to update. Empty for a first build or a full rebuild.</param>
    /// <param name="previous">For a full rebuild into an empty <paramref name="target"/>: the index being replaced.
    /// Counts (added, updated, unchanged, deleted) are then relative to it, and its version of a file that
    /// turned bad is carried over.</param>
    /// <param name="batches">For a first build only (never with <paramref name="previous"/>): commit while the run
    /// goes on. A file the target already holds with the same content hash is skipped, so a run after an interrupted
    /// one resumes where its last batch ended.</param>
    public static IndexRunReport Run(
        SearchIndex target,
        string archiveRoot,
        ReindexProgress? progress = null,
        CancellationToken cancellation = default,
        SearchIndex? previous = null,
        BatchCommits? batches = null)
    {
        if (batches is not null && previous is not null)
        {
            throw new ArgumentException("A full rebuild commits once: its generation is not searched before it is complete.", nameof(batches));
        }
        progress ??= new ReindexProgress();
        var clock = Stopwatch.StartNew();
        try
        {
            var files = ArchiveScanner.Scan(archiveRoot);
            var unique = WithoutDuplicateIds(files, progress);
            progress.SetTotal(unique.Count);
            var run = new IndexRun(target, target.ReadIndexedFiles(), previous, previous?.ReadIndexedFiles(), progress);

            target.BulkLoading = MayEndInOneSegment(unique.Count, run.InTarget.Count);
            OnDedicatedThreads(unique, run.Update, cancellation, batches is null ? null : CommitWhenDue(target, batches, run));

            var present = unique.Select(f => ArticleId.For(f.RelativePath)).ToHashSet(StringComparer.Ordinal);
            foreach (var id in run.Baseline.Keys.Where(id => !present.Contains(id)))
            {
                if (previous is null) target.Delete(id);
                progress.ArticleDeleted();
            }
            cancellation.ThrowIfCancellationRequested();
            // A build leaves many segments (one per RAM buffer flush) and every search pays per segment: a run that
            // wrote a large part of the (last committed) index merges it down before the commit makes it visible.
            var merging = Stopwatch.StartNew();
            if (run.Written > 0 && IsLargeShare(run.Written, target.ArticleCount)) target.Compact(SegmentsAfterLargeRun);
            merging.Stop();
            cancellation.ThrowIfCancellationRequested();
            target.Commit();
            return new IndexRunReport(files.Count, progress.Added, progress.Updated, progress.Deleted, progress.Unchanged,
                progress.Problems, clock.Elapsed, progress.SourceBytes, merging.Elapsed);
        }
        catch
        {
            DiscardQuietly(target);
            throw;
        }
        finally
        {
            EndBulkLoading(target);
            progress.Stop();
        }
    }

    /// <summary>
    /// Whether a run over <paramref name="files"/> files, of which the target holds <paramref name="held"/>, may write
    /// enough of the index to end in a merge into one segment (<see cref="SegmentsAfterLargeRun"/>): a first build, a full
    /// rebuild, a first build resumed early. Its merges are then few and wide (<see cref="SearchIndex.BulkLoading"/>).
    /// </summary>
    internal static bool MayEndInOneSegment(int files, int held) => files > held && IsLargeShare(files - held, files);

    /// <summary>A run that writes a quarter of the index or more is a large one: it ends merged into one segment.</summary>
    private static bool IsLargeShare(long written, long indexSize) => written * 4 >= indexSize;

    private static void EndBulkLoading(SearchIndex target)
    {
        try
        {
            target.BulkLoading = false;
        }
        catch (Exception)
        {
            // A writer that is gone (disk failure, disposed) takes its settings with it; a new one starts without bulk loading.
        }
    }

    /// <summary>A check, run between the workers' files, that commits once a batch is due.</summary>
    private static Action CommitWhenDue(SearchIndex target, BatchCommits batches, IndexRun run)
    {
        var sinceCommit = Stopwatch.StartNew();
        var committed = 0;
        return () =>
        {
            // Counted before the commit: a document the workers add meanwhile may be in it or not, and is counted
            // (and committed) with the next batch either way. Only commits are durable, so a resume is exact.
            var written = run.Written;
            if (written == committed || (sinceCommit.Elapsed < batches.Interval && written - committed < batches.Files)) return;
            target.Commit();
            committed = written;
            sinceCommit.Restart();
        };
    }

    /// <summary>
    /// Segments left after a run that rewrote at least a quarter of the index: one, since every search pays term look-ups,
    /// scorers and facet set-up per segment, and one term dictionary is smaller than several (docs/indexing.md).
    /// </summary>
    internal const int SegmentsAfterLargeRun = 1;

    /// <param name="InTarget">What the target already holds: such a file with an equal hash is not even parsed.</param>
    /// <param name="Baseline">What the counts compare with: the target itself, or the index a full rebuild replaces.</param>
    private sealed record IndexRun(
        SearchIndex Target,
        Dictionary<string, IndexedFile> InTarget,
        SearchIndex? Previous,
        Dictionary<string, IndexedFile>? PreviousFiles,
        ReindexProgress Progress)
    {
        private int written;

        public Dictionary<string, IndexedFile> Baseline => PreviousFiles ?? InTarget;

        /// <summary>Documents written to the target by this run.</summary>
        public int Written => Volatile.Read(ref written);

        public void Update(ArchiveFile file)
        {
            var id = ArticleId.For(file.RelativePath);
            InTarget.TryGetValue(id, out var held);
            Baseline.TryGetValue(id, out var known);
            var result = ArticleFileReader.Read(file, isUnchanged: hash => Same(held, hash, file));
            if (result.Unchanged)
            {
                Progress.FileUnchanged();
            }
            else if (result.Article is { } article)
            {
                // Ids are unique within a run, so one the target does not hold yet can simply be added.
                if (held is null) Target.AddNew(article);
                else Target.Upsert(article);
                Interlocked.Increment(ref written);
                if (known is null) Progress.ArticleAdded(file.Length);
                else if (Same(known, article.ContentHash, file)) Progress.FileUnchanged();
                else Progress.ArticleUpdated(file.Length);
            }
            else if (result.Problem is { } problem)
            {
                var kept = held is not null;
                if (!kept && known is not null && Previous is not null && new StoredArticleLookup(Previous).Find(id) is { } lastGood)
                {
                    Target.Upsert(lastGood);
                    Interlocked.Increment(ref written);
                    kept = true;
                }
                Progress.FileSkipped(kept ? problem with { Reason = problem.Reason + " The last good version stays indexed." } : problem);
            }
            Progress.FileScanned();
        }

        private static bool Same(IndexedFile? indexed, string hash, ArchiveFile file) =>
            indexed is not null && indexed.ContentHash == hash && indexed.RelativePath == file.RelativePath;
    }

    /// <summary>
    /// Runs <paramref name="work"/> over the files on one dedicated thread per core. Not the thread pool: on a
    /// 2-core machine a pool-based loop takes every pool thread, and the service's searches (and a cancel) would
    /// wait for the whole run. The first failure stops the others and is rethrown as itself. The calling thread
    /// runs <paramref name="meanwhile"/> every <see cref="Tick"/> until the workers are done; a failure there stops them too.
    /// </summary>
    private static void OnDedicatedThreads(IReadOnlyList<ArchiveFile> files, Action<ArchiveFile> work, CancellationToken cancellation, Action? meanwhile = null)
    {
        var next = -1;
        Exception? failure = null;
        var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(i => new Thread(() =>
        {
            try
            {
                int item;
                while (Volatile.Read(ref failure) is null && (item = Interlocked.Increment(ref next)) < files.Count)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var (from, to) = ReadAhead.FilesToHint(item, files.Count);
                    for (var ahead = from; ahead < to; ahead++) ReadAhead.Hint(files[ahead].FullPath);
                    work(files[item]);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        })
        { IsBackground = true, Name = $"indexer-{i}" }).ToList();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads)
        {
            while (!thread.Join(meanwhile is null ? Timeout.InfiniteTimeSpan : Tick))
            {
                if (Volatile.Read(ref failure) is not null) continue;
                try
                {
                    meanwhile!();
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
            }
        }
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
    }

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    // Ids come from file names, so two files can claim one id (an article saved twice). The first path in
    // ordinal order wins, whatever order threads finish in, so every run indexes the same file.
    private static List<ArchiveFile> WithoutDuplicateIds(IReadOnlyList<ArchiveFile> files, ReindexProgress progress)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var unique = new List<ArchiveFile>(files.Count);
        foreach (var file in files)
        {
            var id = ArticleId.For(file.RelativePath);
            if (owners.TryGetValue(id, out var owner))
            {
                progress.FileSkipped(new ArchiveProblem(file.RelativePath, null, $"Duplicate article id {id}: {owner} already has it."));
                continue;
            }
            owners[id] = file.RelativePath;
            unique.Add(file);
        }
        return unique;
    }

    private static void DiscardQuietly(SearchIndex target)
    {
        try
        {
            target.DiscardChanges();
        }
        catch (Exception)
        {
            // The original failure is what the caller must hear about; a writer that cannot roll back
            // (disk gone) is rebuilt from the last commit the next time the index is opened.
        }
    }
}
