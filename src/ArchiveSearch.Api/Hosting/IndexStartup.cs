using ArchiveSearch.Api.Configuration;
using ArchiveSearch.Api.Observability;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Searching;
using Microsoft.Extensions.Options;

namespace ArchiveSearch.Api.Hosting;

/// <summary>
/// Opens the index before the server listens, and builds it from the archive when it is empty, so the one
/// run command works on a fresh clone. A failure is logged and leaves the service up but not ready.
/// </summary>
internal sealed partial class IndexStartup(IndexHost host, IOptions<SearchOptions> options, IHostEnvironment environment, ServiceMetrics metrics, ILogger<IndexStartup> logger) : IHostedService
{
    private const int ProblemsLogged = 20;

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
            if (live.Current.ArticleCount == 0) BuildFromArchive(live.Current, archivePath, cancellationToken);
            var beforeServe = clock.Elapsed;
            Serve(live);
            var jobs = new ReindexCoordinator(live, archivePath, OnJobFinished);
            host.UseJobs(jobs);
            LogOpened(indexPath, live.Generation, live.Current.ArticleCount, opened.TotalMilliseconds, dictionariesLoaded.TotalMilliseconds,
                (clock.Elapsed - beforeServe).TotalMilliseconds);
            if (live.Current.NeedsRebuild)
            {
                // Searches keep answering from the old index while the rebuild runs beside it.
                LogAnalysisChanged(live.Current.AnalysisVersion ?? "unknown", ArticleAnalyzer.Version, jobs.Start(ReindexMode.Full).Id);
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
        LogJobFinished(job.Id, job.Mode, job.State, p.Added, p.Updated, p.Deleted, p.Unchanged, p.Skipped, job.Error);
    }

    private void BuildFromArchive(SearchIndex index, string archivePath, CancellationToken cancellation)
    {
        if (!Directory.Exists(archivePath))
        {
            LogNoArchive(archivePath);
            return;
        }
        LogIndexing(index.Path, archivePath);
        var report = ArchiveIndexer.Run(index, archivePath, cancellation: cancellation);
        LogIndexed(report.Indexed, report.FilesScanned, report.Skipped.Count, report.Elapsed.TotalSeconds, report.ArticlesPerSecond);
        foreach (var problem in report.Skipped.Take(ProblemsLogged))
        {
            LogSkipped(problem.RelativePath, problem.Line, problem.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {IndexPath} is empty: indexing the archive {ArchivePath}")]
    private partial void LogIndexing(string indexPath, string archivePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Indexed} of {Files} files ({Skipped} skipped) in {Seconds:0.00} s, {Rate:0} articles/s")]
    private partial void LogIndexed(int indexed, int files, int skipped, double seconds, double rate);

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
