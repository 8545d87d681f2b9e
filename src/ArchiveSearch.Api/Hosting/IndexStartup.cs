using ArchiveSearch.Api.Configuration;
using ArchiveSearch.Api.Observability;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Searching;
using Microsoft.Extensions.Options;

namespace ArchiveSearch.Api.Hosting;

/// <summary>
/// Opens the index before the server listens (a second or two at a million articles), and when it is empty, or its
/// first build was interrupted, starts building it from the archive in the background, so the one run command works
/// on a fresh clone and the service answers at once on any archive: searches see the build grow batch by batch, and
/// the log prints its progress. A failure is logged and leaves the service up but not ready.
/// </summary>
internal sealed partial class IndexStartup(IndexHost host, IOptions<SearchOptions> options, IHostEnvironment environment, ServiceMetrics metrics, ILogger<IndexStartup> logger)
    : IHostedService, IDisposable
{
    private const int ProblemsLogged = 20;
    private Timer? progressLog;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Relative to the content root, not the working directory, so they mean the same thing however the service is started.
        var archivePath = Path.GetFullPath(options.Value.ArchivePath, environment.ContentRootPath);
        var indexPath = Path.GetFullPath(options.Value.IndexPath, environment.ContentRootPath);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var analyzer = ArticleAnalyzer.Create();
        // SmartCn's dictionaries load on one core while the index opens (and loads its columns) on the other.
        var dictionaries = Task.Run(() =>
        {
            ArticleAnalyzer.WarmUp(analyzer);
            return clock.Elapsed;
        }, cancellationToken);
        LiveIndex? live = null;
        try
        {
            live = LiveIndex.Open(indexPath, analyzer);
            var opened = clock.Elapsed;
            var dictionariesLoaded = dictionaries.GetAwaiter().GetResult();
            foreach (var generation in live.RemovedAtOpen) LogRemovedGeneration(generation, live.Generation);
            var beforeServe = clock.Elapsed;
            Serve(live);
            var jobs = new ReindexCoordinator(live, archivePath, OnJobFinished, options.Value.FirstBuildBatches);
            host.UseJobs(jobs);
            LogOpened(indexPath, live.Generation, live.Current.ArticleCount, opened.TotalMilliseconds, dictionariesLoaded.TotalMilliseconds,
                (clock.Elapsed - beforeServe).TotalMilliseconds);
            if (live.Current.NeedsRebuild)
            {
                // Searches keep answering from the old index while the rebuild runs beside it (it also completes an
                // interrupted first build).
                LogAnalysisChanged(live.Current.AnalysisVersion ?? "unknown", ArticleAnalyzer.Version, jobs.Start(ReindexMode.Full).Id);
            }
            else if (live.NeedsFirstBuild)
            {
                StartFirstBuild(live, jobs, archivePath);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Up but not ready: /health/ready says 503, and a reindex job rebuilds the index from the archive.
            LogOpenFailed(ex, indexPath);
            live?.Dispose();
            host.UseJobs(ReindexCoordinator.ForBrokenIndex(indexPath, analyzer, archivePath, OnRecovered, OnJobFinished));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        progressLog?.Dispose();
        progressLog = null;
    }

    private void Serve(LiveIndex live)
    {
        // One throwaway search JIT-compiles the query, facet and highlight paths before the first user's.
        new ArticleSearcher(live).Search(new SearchRequest { Query = "预热 warm up" });
        host.Publish(live);
    }

    private void OnRecovered(LiveIndex live)
    {
        foreach (var generation in live.RemovedAtOpen) LogRemovedGeneration(generation, live.Generation);
        Serve(live);
        LogRecovered(live.Generation, live.Current.ArticleCount);
    }

    private void OnJobFinished(ReindexJob job)
    {
        var p = job.Progress;
        if (job.State == ReindexState.Succeeded) host.MarkBuilt();
        metrics.JobFinished(job);
        if (job.Mode == ReindexMode.FirstBuild) FirstBuildFinished(job);
        LogJobFinished(job.Id, job.Mode, job.State, p.Added, p.Updated, p.Deleted, p.Unchanged, p.Skipped, job.Error);
    }

    /// <summary>A job of its own, so a reindex asked for meanwhile is refused (409) and a stop cancels it like any job.</summary>
    private void StartFirstBuild(LiveIndex live, ReindexCoordinator jobs, string archivePath)
    {
        if (!Directory.Exists(archivePath))
        {
            LogNoArchive(archivePath);
            return;
        }
        var articles = live.ArticleCount;
        if (articles == 0) LogIndexing(live.Current.Path, archivePath);
        else LogResuming(live.Current.Path, articles, archivePath);
        var job = jobs.Start(ReindexMode.FirstBuild);
        host.StartedFirstBuild(job);
        var every = TimeSpan.FromSeconds(options.Value.ProgressLogSeconds);
        progressLog = new Timer(_ => LogProgress(job), null, every, every);
    }

    private void LogProgress(ReindexJob job)
    {
        if (job.IsFinished) return;
        try
        {
            var p = job.Progress;
            var estimate = p.Estimate();
            LogIndexingProgress(p.Scanned, p.Total, p.Total == 0 ? 100 : 100.0 * p.Scanned / p.Total, estimate.FilesPerSecond ?? 0,
                estimate.Remaining is { } left ? $"about {Durations.Approximately(left)} left" : "time left not known yet", host.Index.ArticleCount);
        }
        catch (ObjectDisposedException)
        {
            // The service is stopping: the index closed under the timer.
        }
    }

    private void FirstBuildFinished(ReindexJob job)
    {
        Dispose();
        var p = job.Progress;
        var seconds = job is { StartedAt: { } start, EndedAt: { } end } ? (end - start).TotalSeconds : 0;
        if (job.State == ReindexState.Succeeded)
        {
            LogIndexed(p.Added + p.Updated, p.Total, p.Unchanged, p.Skipped, seconds, seconds > 0 ? (p.Added + p.Updated) / seconds : 0);
            foreach (var problem in p.Problems.Take(ProblemsLogged)) LogSkipped(problem.RelativePath, problem.Line, problem.Reason);
        }
        else
        {
            LogFirstBuildStopped(job.State, p.Scanned, p.Total);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {IndexPath} is empty: indexing the archive {ArchivePath} in the background; searches answer from what is indexed so far")]
    private partial void LogIndexing(string indexPath, string archivePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "The first build of {IndexPath} was interrupted with {Articles} articles indexed: resuming it from the archive {ArchivePath}")]
    private partial void LogResuming(string indexPath, int articles, string archivePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexing: {Done} of {Total} files ({Percent:0}%), {Rate:0} files/s, {Left}; {Articles} articles searchable")]
    private partial void LogIndexingProgress(int done, int total, double percent, double rate, string left, int articles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Indexed} of {Files} files ({Unchanged} already indexed, {Skipped} skipped) in {Seconds:0.00} s, {Rate:0} articles/s")]
    private partial void LogIndexed(int indexed, int files, int unchanged, int skipped, double seconds, double rate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The first build {State} after {Done} of {Total} files: what its batches committed is served, and the next start resumes it")]
    private partial void LogFirstBuildStopped(ReindexState state, int done, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Path} (line {Line}): {Reason}")]
    private partial void LogSkipped(string path, int? line, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The archive folder {ArchivePath} does not exist: serving an empty index. Set Search:ArchivePath.")]
    private partial void LogNoArchive(string archivePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {IndexPath} open at generation {Generation} with {Articles} articles (opened in {OpenMs:0} ms, SmartCn dictionaries loaded by {DictionariesMs:0} ms, warm-up search {WarmUpMs:0} ms)")]
    private partial void LogOpened(string indexPath, string generation, int articles, double openMs, double dictionariesMs, double warmUpMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed index generation {Removed}: not current (an interrupted full rebuild, or one replaced before it could be deleted); serving {Current}")]
    private partial void LogRemovedGeneration(string removed, string current);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex job {JobId} ({Mode}) {State}: {Added} added, {Updated} updated, {Deleted} deleted, {Unchanged} unchanged, {Skipped} skipped. {Error}")]
    private partial void LogJobFinished(string jobId, ReindexMode mode, ReindexState state, int added, int updated, int deleted, int unchanged, int skipped, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open the index {IndexPath}: the service is up but not ready. Rebuild it with a reindex job (POST /api/reindex?mode=full)")]
    private partial void LogOpenFailed(Exception exception, string indexPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index was built with analysis {Old}, this version analyses with {New}: full reindex job {JobId} started")]
    private partial void LogAnalysisChanged(string old, string @new, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index rebuilt after it could not be opened: generation {Generation} with {Articles} articles is now served")]
    private partial void LogRecovered(string generation, int articles);
}
