using System.Diagnostics;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;

namespace ArchiveSearch.Engine.Benchmarks;

/// <summary>Indexing throughput: a run of the same code the service uses, with source bytes, peak memory and index size.</summary>
/// <remarks>
/// Articles/s counts the articles (re-)indexed, files/s every file scanned: the same in a first build, but an
/// incremental run that recognises most files unchanged scans far more than it indexes.
/// </remarks>
public static class IndexBenchmark
{
    public sealed record Result(string Mode, int Files, int Indexed, double Seconds, double ArticlesPerSecond, double FilesPerSecond,
        double SourceMegabytesPerSecond, double SourceMegabytes, long PeakWorkingSetBytes, long IndexBytes, double MergeSeconds, IndexedTokens Tokens);

    public static Result Run(string archive, string indexRoot, ReindexMode mode)
    {
        using var live = LiveIndex.Open(indexRoot, ArticleAnalyzer.Create());
        ArticleAnalyzer.WarmUp(live.Analyzer);
        var sourceBytes = Directory.EnumerateFiles(archive, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var clock = Stopwatch.StartNew();
        var report = Reindexer.Run(live, archive, mode);
        var seconds = clock.Elapsed.TotalSeconds;
        var size = Directory.EnumerateFiles(live.Current.Path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var megabytes = sourceBytes / 1048576.0;
        IndexedTokens tokens;
        using (var lease = live.AcquireSearcher()) tokens = IndexedTokens.Of(lease.Searcher.IndexReader);
        return new Result(mode.ToString().ToLowerInvariant(), report.FilesScanned, report.Indexed, seconds, report.Indexed / seconds,
            report.FilesScanned / seconds, megabytes / seconds, megabytes, Process.GetCurrentProcess().PeakWorkingSet64, size, report.MergeTime.TotalSeconds, tokens);
    }
}
