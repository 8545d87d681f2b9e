using System.Diagnostics;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Engine.Benchmarks;

/// <summary>In-process search latency per query of the mix, after warm-up: percentiles and throughput.</summary>
public static class SearchBenchmark
{
    public sealed record Result(string Name, int Runs, int Total, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double SearchesPerSecond, double AllocatedKilobytes);

    /// <param name="warmup">
    /// How long to run the whole mix before measuring. Tiered compilation keeps recompiling hot methods for seconds
    /// after start; with 20 runs of each query first, a query's p50 read about twice its steady state.
    /// </param>
    public static IReadOnlyList<Result> Run(ArticleSearcher searcher, IReadOnlyList<QueryMix.Case> mix, TimeSpan warmup, int measuredRuns, TimeSpan limitPerCase)
    {
        var warming = Stopwatch.StartNew();
        do
        {
            foreach (var item in mix) searcher.Search(item.Request);
        }
        while (warming.Elapsed < warmup);

        var results = new List<Result>();
        foreach (var item in mix)
        {
            var samples = new List<double>(measuredRuns);
            var total = 0;
            var caseClock = Stopwatch.StartNew();
            // All of a search runs on the calling thread, so this thread's allocations are the search's.
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < measuredRuns && caseClock.Elapsed < limitPerCase; i++)
            {
                var clock = Stopwatch.StartNew();
                total = searcher.Search(item.Request).Total;
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
            samples.Sort();
            results.Add(new Result(item.Name, samples.Count, total, Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99),
                samples[^1], samples.Count / (samples.Sum() / 1000), (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / samples.Count));
        }
        return results;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
