using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Benchmarks;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Cli.Commands;

/// <summary>
/// <c>bench index --archive DIR --index DIR [--full]</c> and <c>bench search --index DIR</c>: the figures of the
/// performance docs (docs/performance.md, docs/indexing.md), printed as a table and written as JSON.
/// </summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results as JSON to this file." };

        var archive = new Option<DirectoryInfo>("--archive") { Description = "The archive to index.", Required = true };
        var index = new Option<DirectoryInfo>("--index") { Description = "The index folder.", Required = true };
        var full = new Option<bool>("--full") { Description = "A full rebuild (default: incremental, which on an empty index is a first build)." };
        var firstBuild = new Option<bool>("--first-build") { Description = "Build an empty index as the service does at its first start: committing in batches (every 5 s or 5,000 files) so searches see it grow." };
        var indexing = new Command("index", "Index an archive and report articles/s, MB/s, peak memory and index size.") { archive, index, full, firstBuild, json };
        indexing.SetAction(r =>
        {
            var mode = r.GetValue(full) ? ReindexMode.Full : r.GetValue(firstBuild) ? ReindexMode.FirstBuild : ReindexMode.Incremental;
            var result = IndexBenchmark.Run(r.GetValue(archive)!.FullName, r.GetValue(index)!.FullName, mode);
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"{result.Mode}: {result.Files} files, {result.Indexed} indexed in {result.Seconds:0.0} s (of which merging segments {result.MergeSeconds:0.0} s)"));
            output.WriteLine(string.Create(c, $"  {result.ArticlesPerSecond:0} articles indexed/s, {result.FilesPerSecond:0} files scanned/s, {result.SourceMegabytesPerSecond:0.00} MB/s of {result.SourceMegabytes:0.0} MB source scanned"));
            output.WriteLine(string.Create(c, $"  peak working set {result.PeakWorkingSetBytes / 1048576.0:0} MB, index {result.IndexBytes / 1048576.0:0} MB"));
            var tokens = result.Tokens;
            output.WriteLine(string.Create(c, $"  {tokens.Total:N0} tokens indexed (SmartCn reading {tokens.SmartCn:N0}, bigram reading {tokens.Bigrams:N0}, hashtags {tokens.Hashtags:N0}), {tokens.Total / result.Seconds / 1e6:0.00} million/s"));
            Write(r.GetValue(json), result);
            return ExitCodes.Ok;
        });

        var searchIndex = new Option<DirectoryInfo>("--index") { Description = "The index folder.", Required = true };
        var runs = new Option<int>("--runs") { Description = "Measured searches per query of the mix.", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--seconds") { Description = "Time limit per query of the mix.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of the whole mix run before measuring (the JIT's steady state).", DefaultValueFactory = _ => 20 };
        var only = new Option<string?>("--only") { Description = "Only the queries of the mix whose name contains this (for instance \"long\"), to profile one kind." };
        var queries = new Option<string[]>("--query") { Description = "Time these queries instead of the mix (repeatable), as the search page sends them.", AllowMultipleArgumentsPerToken = false };
        var prefixLast = new Option<bool>("--prefix-last") { Description = "The given queries as typed on the page: the last word a prefix (prefix=last)." };
        var search = new Command("search", "Search latency (p50/p95/p99) and searches/s in process for the fixed query mix, facets included.") { searchIndex, runs, seconds, warmup, only, queries, prefixLast, json };
        search.SetAction(r =>
        {
            using var live = LiveIndex.OpenReadOnly(r.GetValue(searchIndex)!.FullName, ArticleAnalyzer.Create());
            var searcher = new ArticleSearcher(live);
            var given = r.GetValue(queries) ?? [];
            var mix = (given.Length > 0 ? given.Select(q => new QueryMix.Case(q, new SearchRequest { Query = q, PrefixLast = r.GetValue(prefixLast) })).ToList() : MixFor(searcher)).Where(c => r.GetValue(only) is not { } part || c.Name.Contains(part, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mix.Count == 0)
            {
                error.WriteLine($"No query of the mix is named like '{r.GetValue(only)}'.");
                return ExitCodes.BadInput;
            }
            var results = SearchBenchmark.Run(searcher, mix, TimeSpan.FromSeconds(Math.Max(0, r.GetValue(warmup))), r.GetValue(runs),
                TimeSpan.FromSeconds(r.GetValue(seconds)));
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"{live.ArticleCount} articles"));
            output.WriteLine("| query | total | p50 ms | p95 ms | p99 ms | max ms | searches/s | KB allocated |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var x in results)
            {
                output.WriteLine(string.Create(c, $"| {x.Name} | {x.Total} | {x.P50Ms:0.00} | {x.P95Ms:0.00} | {x.P99Ms:0.00} | {x.MaxMs:0.00} | {x.SearchesPerSecond:0} | {x.AllocatedKilobytes:0} |"));
            }
            Write(r.GetValue(json), new { articles = live.ArticleCount, results });
            return ExitCodes.Ok;
        });

        var tokenizeArchive = new Option<DirectoryInfo>("--archive") { Description = "The archive whose files are tokenized.", Required = true };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds of each tokenizer.", DefaultValueFactory = _ => 3 };
        var maxFiles = new Option<int>("--files") { Description = "At most this many files (in path order).", DefaultValueFactory = _ => 3000 };
        var tokenize = new Command("tokenize", "SmartCn's HMMChineseTokenizer against ours on one thread: MB/s, bytes allocated, then every file's tokens compared (exit 1 if any differ).") { tokenizeArchive, rounds, maxFiles, json };
        tokenize.SetAction(r =>
        {
            var result = TokenizerBenchmark.Run(r.GetValue(tokenizeArchive)!.FullName, Math.Max(1, r.GetValue(rounds)), Math.Max(1, r.GetValue(maxFiles)));
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"{result.Texts} files, {result.Megabytes:0.0} MB"));
            foreach (var x in result.Rounds)
            {
                output.WriteLine(string.Create(c, $"  {x.Tokenizer,-8} {x.Seconds:0.00} s  {x.MegabytesPerSecond:0.00} MB/s  {x.Tokens} tokens  {x.AllocatedBytes / result.Megabytes / 1048576.0:0} bytes allocated per input byte"));
            }
            output.WriteLine(string.Create(c, $"  compared token by token: {result.ComparedTokens} tokens, {result.DifferingTexts} of {result.Texts} files differ"));
            if (result.FirstDifference is { } first) output.WriteLine($"  first differing file starts: {first}");
            Write(r.GetValue(json), result);
            return result.DifferingTexts == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });

        return new Command("bench", "Benchmarks: indexing throughput, search latency, tokenizer speed.") { indexing, search, tokenize };
    }

    /// <summary>The mix over words every corpus of ours has, with the most frequent hashtag and a mid-corpus quarter.</summary>
    private static IReadOnlyList<QueryMix.Case> MixFor(ArticleSearcher searcher)
    {
        var browse = searcher.Search(new SearchRequest { Size = 1, FacetSize = 1 });
        var hashtag = browse.Facets.Hashtags.FirstOrDefault()?.Value ?? "人工智能";
        var dates = browse.Facets.Dates;
        var from = dates.Count > 0 ? dates[dates.Count / 2].From : new DateOnly(2024, 1, 1);
        return QueryMix.Create("模型", "数据 模型 训练", "人工智能", "open source search", hashtag, from,
            "开源 大模型 训练 数据 的 评测 方法 与 社区", "an open source search engine for the archive with fast ranking and facets",
            "open source sea", "open sourse search");
    }

    private static void Write(FileInfo? file, object value)
    {
        if (file is not null) File.WriteAllText(file.FullName, JsonSerializer.Serialize(value, Json) + "\n");
    }
}
