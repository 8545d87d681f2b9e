using ArchiveSearch.Api.Hosting;
using ArchiveSearch.Engine.Reindexing;
using Prometheus;

namespace ArchiveSearch.Api.Observability;

/// <summary>
/// The service's Prometheus metrics, in a registry of its own (not prometheus-net's static default) so that
/// every host, in tests too, counts only its own requests.
/// </summary>
public sealed class ServiceMetrics
{
    private readonly Counter requests;
    private readonly Histogram requestDuration;
    private readonly Histogram searchDuration;
    private readonly Counter jobs;
    private readonly Histogram jobDuration;

    public ServiceMetrics(IndexHost host)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        requests = factory.CreateCounter("archive_http_requests_total", "HTTP requests by endpoint, method and status.",
            new CounterConfiguration { LabelNames = ["endpoint", "method", "status"] });
        requestDuration = factory.CreateHistogram("archive_http_request_duration_seconds", "HTTP request latency by endpoint.",
            new HistogramConfiguration { LabelNames = ["endpoint"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        searchDuration = factory.CreateHistogram("archive_search_duration_seconds", "Engine time per search (matching, facets, highlighting).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        jobs = factory.CreateCounter("archive_reindex_jobs_total", "Finished reindex jobs by mode and final state.",
            new CounterConfiguration { LabelNames = ["mode", "state"] });
        jobDuration = factory.CreateHistogram("archive_reindex_job_duration_seconds", "Reindex job duration by mode.",
            new HistogramConfiguration { LabelNames = ["mode"], Buckets = Histogram.ExponentialBuckets(0.05, 2, 16) });
        var articles = factory.CreateGauge("archive_index_articles", "Articles in the live index.");
        var bytes = factory.CreateGauge("archive_index_size_bytes", "Size of the live index generation on disk.");
        var ready = factory.CreateGauge("archive_index_ready", "1 when an index is open and searches are served.");
        Registry.AddBeforeCollectCallback(() =>
        {
            ready.Set(host.IsReady ? 1 : 0);
            if (!host.IsReady) return;
            articles.Set(host.Index.ArticleCount);
            bytes.Set(DirectorySize(host.Index.Current.Path));
        });
    }

    public CollectorRegistry Registry { get; }

    public void RequestFinished(string endpoint, string method, int status, TimeSpan elapsed)
    {
        requests.WithLabels(endpoint, method, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        requestDuration.WithLabels(endpoint).Observe(elapsed.TotalSeconds);
    }

    public void SearchFinished(double tookMs) => searchDuration.Observe(tookMs / 1000);

    public void JobFinished(ReindexJob job)
    {
        var mode = job.Mode.ToString().ToLowerInvariant();
        jobs.WithLabels(mode, job.State.ToString().ToLowerInvariant()).Inc();
        if (job is { StartedAt: { } start, EndedAt: { } end }) jobDuration.WithLabels(mode).Observe((end - start).TotalSeconds);
    }

    private static long DirectorySize(string path)
    {
        try
        {
            return new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);
        }
        catch (IOException)
        {
            return 0; // a segment merged away between listing and stat
        }
    }
}
