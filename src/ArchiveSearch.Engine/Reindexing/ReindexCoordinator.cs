using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Reindexing;

/// <summary>
/// Runs reindex jobs in the background, one at a time, against the live index. Incremental jobs update the
/// live generation and commit once; full jobs build a new generation beside it and switch atomically. Either
/// way searches keep answering from the last committed state, and a cancelled or failed job changes nothing.
/// A first-build job (the service's own, for an empty or unfinished index) commits in batches instead, and keeps
/// them when it stops.
/// </summary>
public sealed class ReindexCoordinator : IDisposable
{
    private const int JobsKept = 50;
    private readonly string archiveRoot;
    private readonly Action<ReindexJob>? onFinished;
    private readonly BrokenIndex? broken;
    private readonly BatchCommits? firstBuildBatches;
    private LiveIndex? live;
    private readonly Lock gate = new();
    private readonly List<ReindexJob> jobs = [];
    private ReindexJob? running;
    private Task runningTask = Task.CompletedTask;

    /// <param name="firstBuildBatches">How often a <see cref="ReindexMode.FirstBuild"/> job commits; null: <see cref="BatchCommits.Default"/>.</param>
    public ReindexCoordinator(LiveIndex live, string archiveRoot, Action<ReindexJob>? onFinished = null, BatchCommits? firstBuildBatches = null)
    {
        this.live = live;
        this.archiveRoot = archiveRoot;
        this.onFinished = onFinished;
        this.firstBuildBatches = firstBuildBatches;
    }

    private ReindexCoordinator(BrokenIndex broken, string archiveRoot, Action<ReindexJob>? onFinished)
    {
        this.broken = broken;
        this.archiveRoot = archiveRoot;
        this.onFinished = onFinished;
    }

    /// <summary>
    /// For an index that could not be opened (corrupt, unreadable): the first job, whatever its mode, builds a new
    /// generation from the whole archive and makes it current; <paramref name="onRecovered"/> then gets it, open.
    /// </summary>
    public static ReindexCoordinator ForBrokenIndex(string indexRoot, Lucene.Net.Analysis.Analyzer analyzer, string archiveRoot,
        Action<LiveIndex> onRecovered, Action<ReindexJob>? onFinished = null) =>
        new(new BrokenIndex(indexRoot, analyzer, onRecovered), archiveRoot, onFinished);

    private sealed record BrokenIndex(string Root, Lucene.Net.Analysis.Analyzer Analyzer, Action<LiveIndex> OnRecovered);

    /// <summary>Queues a job and starts it at once.</summary>
    /// <exception cref="ReindexAlreadyRunningException">another job has not finished.</exception>
    public ReindexJob Start(ReindexMode mode)
    {
        lock (gate)
        {
            if (running is { IsFinished: false }) throw new ReindexAlreadyRunningException(running.Id);
            var job = new ReindexJob(Guid.NewGuid().ToString("N")[..12], mode);
            jobs.Add(job);
            if (jobs.Count > JobsKept) jobs.RemoveAt(0);
            running = job;
            // A thread of its own (LongRunning): the job must not hold a pool thread the service answers searches with.
            runningTask = Task.Factory.StartNew(() => Execute(job), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return job;
        }
    }

    public ReindexJob? Find(string id)
    {
        lock (gate) return jobs.FirstOrDefault(j => j.Id == id);
    }

    public ReindexJob? Latest
    {
        get { lock (gate) return jobs.Count == 0 ? null : jobs[^1]; }
    }

    public bool IsRunning
    {
        get { lock (gate) return running is { IsFinished: false }; }
    }

    /// <summary>Asks a job to stop; the index stays as it was before the job. False when there is no such job.</summary>
    public bool Cancel(string id)
    {
        var job = Find(id);
        if (job is null) return false;
        if (!job.IsFinished) job.Cancel();
        return true;
    }

    /// <summary>Waits for the running job, if any (tests, shutdown).</summary>
    public Task WhenIdle() => runningTask;

    private void Execute(ReindexJob job)
    {
        job.MarkRunning();
        try
        {
            if (live is { } index)
            {
                Reindexer.Run(index, archiveRoot, job.Mode, job.Progress, job.Token, firstBuildBatches);
            }
            else
            {
                var rebuilt = LiveIndex.BuildNew(broken!.Root, broken.Analyzer, archiveRoot, job.Progress, job.Token);
                live = rebuilt;
                broken.OnRecovered(rebuilt);
            }
            job.Finish(ReindexState.Succeeded);
        }
        catch (OperationCanceledException) when (job.Token.IsCancellationRequested)
        {
            job.Finish(ReindexState.Cancelled);
        }
        catch (Exception e)
        {
            job.Finish(ReindexState.Failed, Describe(e));
        }
        onFinished?.Invoke(job);
    }

    private static string Describe(Exception e) => e switch
    {
        DirectoryNotFoundException => $"The archive folder is missing: {e.Message}",
        IOException => $"An I/O error stopped the job: {e.Message}",
        UnauthorizedAccessException => $"Access denied: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    public void Dispose()
    {
        ReindexJob? job;
        lock (gate) job = running;
        if (job is { IsFinished: false }) job.Cancel();
        runningTask.Wait(TimeSpan.FromSeconds(30));
    }
}
