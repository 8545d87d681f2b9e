using System.Text.Json;
using static ArchiveSearch.Cli.Tests.CliRun;

namespace ArchiveSearch.Cli.Tests;

/// <summary>Smoke runs of the benchmarks on a tiny generated corpus: every figure they report is there and plausible.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "as-bench-" + Guid.NewGuid().ToString("N"));
    private string Archive => Path.Combine(root, "archive");
    private string Index => Path.Combine(root, "index");

    [Fact]
    public void Index_and_search_benchmarks_report_every_figure_and_an_incremental_run_indexes_only_what_changed()
    {
        Assert.Equal(0, Run("generate", "--count", "150", "--out", Archive, "--seed", "7").Exit);

        var (exit, output, error) = Run("bench", "index", "--archive", Archive, "--index", Index, "--json", Path.Combine(root, "index.json"));

        Assert.True(exit == 0, error);
        Assert.Contains("articles indexed/s", output);
        using (var first = Json("index.json"))
        {
            var r = first.RootElement;
            Assert.Equal(150, r.GetProperty("files").GetInt32());
            Assert.Equal(150, r.GetProperty("indexed").GetInt32());
            Assert.True(r.GetProperty("articlesPerSecond").GetDouble() > 0);
            Assert.Equal(r.GetProperty("articlesPerSecond").GetDouble(), r.GetProperty("filesPerSecond").GetDouble(), 6);
            Assert.True(r.GetProperty("sourceMegabytes").GetDouble() > 0.1);
            Assert.True(r.GetProperty("peakWorkingSetBytes").GetInt64() > 0);
            Assert.True(r.GetProperty("indexBytes").GetInt64() > 0);
            var tokens = r.GetProperty("tokens");
            Assert.True(tokens.GetProperty("smartCn").GetInt64() > 1000, $"{tokens}");
            Assert.True(tokens.GetProperty("bigrams").GetInt64() > tokens.GetProperty("smartCn").GetInt64(), $"{tokens}");
            Assert.Equal(tokens.GetProperty("smartCn").GetInt64() + tokens.GetProperty("bigrams").GetInt64() + tokens.GetProperty("hashtags").GetInt64(),
                tokens.GetProperty("total").GetInt64());
        }
        Assert.Contains("tokens indexed (SmartCn reading", output);

        // Change one file: the incremental run scans 150 and indexes 1, and its articles/s counts only that one.
        var changed = Directory.EnumerateFiles(Archive, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(changed, File.ReadAllText(changed).Replace("## AI 摘要", "## AI 摘要\n\n改过的摘要。", StringComparison.Ordinal));
        Assert.Equal(0, Run("bench", "index", "--archive", Archive, "--index", Index, "--json", Path.Combine(root, "incremental.json")).Exit);
        using (var incremental = Json("incremental.json"))
        {
            var r = incremental.RootElement;
            Assert.Equal("incremental", r.GetProperty("mode").GetString());
            Assert.Equal(150, r.GetProperty("files").GetInt32());
            Assert.Equal(1, r.GetProperty("indexed").GetInt32());
            Assert.Equal(150 * r.GetProperty("articlesPerSecond").GetDouble(), r.GetProperty("filesPerSecond").GetDouble(), 3);
        }

        (exit, output, error) = Run("bench", "search", "--index", Index, "--runs", "3", "--seconds", "5", "--warmup", "1", "--json", Path.Combine(root, "search.json"));

        Assert.True(exit == 0, error);
        Assert.Contains("| browse newest | 150 |", output);
        using var search = Json("search.json");
        Assert.Equal(150, search.RootElement.GetProperty("articles").GetInt32());
        var results = search.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["one Chinese word", "two or three Chinese words", "phrase", "English words", "hashtag filter", "date range",
            "browse newest", "deep page", "day histogram", "long Chinese description", "long English title", "as you type", "misspelt English word"], results.Select(x => x.GetProperty("name").GetString()));
        foreach (var x in results)
        {
            Assert.Equal(3, x.GetProperty("runs").GetInt32());
            var (p50, p99, max) = (x.GetProperty("p50Ms").GetDouble(), x.GetProperty("p99Ms").GetDouble(), x.GetProperty("maxMs").GetDouble());
            Assert.True(p50 > 0 && p50 <= p99 && p99 <= max, $"{x}");
            Assert.True(x.GetProperty("searchesPerSecond").GetDouble() > 0);
        }
    }

    [Fact]
    public void Tokenizer_benchmark_times_both_tokenizers_and_finds_every_file_cut_identically()
    {
        Assert.Equal(0, Run("generate", "--count", "40", "--out", Archive, "--seed", "3").Exit);

        var (exit, output, error) = Run("bench", "tokenize", "--archive", Archive, "--rounds", "2", "--json", Path.Combine(root, "tokenize.json"));

        Assert.True(exit == 0, error + output);
        Assert.Contains("0 of 40 files differ", output);
        using var result = Json("tokenize.json");
        var rounds = result.RootElement.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(["smartcn", "ours", "smartcn", "ours"], rounds.Select(r => r.GetProperty("tokenizer").GetString()));
        Assert.Single(rounds.Select(r => r.GetProperty("tokens").GetInt64()).Distinct());
        Assert.All(rounds, r => Assert.True(r.GetProperty("megabytesPerSecond").GetDouble() > 0));
        Assert.Equal(0, result.RootElement.GetProperty("differingTexts").GetInt32());
        Assert.True(result.RootElement.GetProperty("comparedTokens").GetInt64() > 1000);
    }

    private JsonDocument Json(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(root, name)));

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
