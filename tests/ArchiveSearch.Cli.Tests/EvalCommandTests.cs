using static ArchiveSearch.Cli.Tests.CliRun;
using System.Text;
using System.Text.Json;

namespace ArchiveSearch.Cli.Tests;

/// <summary>
/// The eval command on six articles and six queries whose ranks are known: zh ranks 1, 1, 2 and en ranks 1, 2,
/// not found. Hand-computed: overall MRR (1+1+½+1+½+0)/6 = 0.6667, R@1 3/6, R@10 5/6,
/// nDCG (3 + 2/log2 3)/6 = 0.7103; zh 0.8333, 0.6667, 1, (2 + 1/log2 3)/3 = 0.8770; en 0.5, 0.3333, 0.6667, (1 + 1/log2 3)/3 = 0.5436.
/// </summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("as-eval-").FullName;
    private string Archive => Path.Combine(root, "archive");
    private string Queries => Path.Combine(root, "queries.tsv");

    public EvalCommandTests()
    {
        Article("2025-01-10/000_00000000000000a1.txt", "哈尔滨冰雪大世界开园", "今年的冰雪大世界面积更大。<br><br>晚上还有灯光表演。", "哈尔滨冰雪大世界开园，面积扩大。");
        Article("2025-01-11/000_00000000000000a2.txt", "深圳无人机表演创纪录", "上千架无人机在深圳湾上空组成图案。", "深圳湾无人机表演。");
        Article("2025-01-12/000_00000000000000a3.txt", "Baking sourdough bread at home", "A starter, flour, water and patience.", "How to bake sourdough bread.");
        Article("2025-01-13/000_00000000000000a4.txt", "Rust compiler release notes", "The new compiler version improves build times.", "Release notes for the Rust compiler.");
        Article("2025-01-14/000_00000000000000a5.txt", "Tide pools of Monterey", "Anemones and crabs; a ranger explained how a compiler of field guides catalogued them.", "Visiting tide pools.");
        Article("2025-01-15/000_00000000000000a6.txt", "量子计算入门", "量子比特与叠加态的基本概念。", "量子计算的基础知识。");
        File.WriteAllText(Queries, """
            # query	expected id
            冰雪	00000000000000a1
            无人机	00000000000000a2
            sourdough	00000000000000a3

            compiler	00000000000000a5
            volcano	00000000000000a6
            表演	00000000000000a1

            """, new UTF8Encoding(false));
    }

    private void Article(string relative, string title, string html, string summary)
    {
        var path = Path.Combine(Archive, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var date = relative[..10];
        File.WriteAllText(path, $"""
            # {title}

            ## 原始摘要

            {html}

            ## AI 摘要

            {summary}

            ## 元数据

            - **来源**: RSS
            - **类型**: 文档
            - **保存时间**: {date}T08:00:00Z
            - **目录日期**: {date}

            """, new UTF8Encoding(false));
    }

    // The stock baseline (plain BM25 over OR-ed words) ranks this small fixture as the service does.
    [Theory]
    [InlineData("service")]
    [InlineData("stock")]
    public void Prints_the_hand_computed_metrics_overall_and_per_language(string ranking)
    {
        string[] baseline = ranking == "stock" ? ["--baseline", "stock"] : [];
        var (exit, output, error) = Run(["eval", "--queries", Queries, "--archive", Archive, .. baseline]);

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Contains("Archive: 6 articles (0 files skipped)", output);
        Assert.Contains("Queries: 6,", output);
        Assert.Contains("overall         6   0.6667   0.5000   0.8333   0.7103", output);
        Assert.Contains("zh              3   0.8333   0.6667   1.0000   0.8770", output);
        Assert.Contains("en              3   0.5000   0.3333   0.6667   0.5436", output);
    }

    [Fact]
    public void Lists_the_worst_queries_not_found_first_with_rank_and_top_hit()
    {
        var (_, output, _) = Run("eval", "--queries", Queries, "--archive", Archive, "--worst", "2");

        var worst = output[output.IndexOf("Worst 2:", StringComparison.Ordinal)..].Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal("not found  volcano  (line 7, expected 00000000000000a6)", worst[1]);
        Assert.Equal("top hit: (no hits)", worst[2]);
        Assert.Equal("rank 2     compiler  (line 6, expected 00000000000000a5)", worst[3]);
        Assert.Equal("top hit: Rust compiler release notes", worst[4]);
        Assert.Equal("", worst[5]);
    }

    [Fact]
    public void Writes_the_same_figures_as_json_with_the_label()
    {
        var json = Path.Combine(root, "figures.json");

        var (exit, _, _) = Run("eval", "--queries", Queries, "--archive", Archive, "--json", json, "--label", "plain SmartCn");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var r = document.RootElement;
        Assert.Equal("plain SmartCn", r.GetProperty("label").GetString());
        Assert.Equal(6, r.GetProperty("articles").GetInt32());
        Assert.Equal(0.6667, r.GetProperty("overall").GetProperty("mrr10").GetDouble());
        Assert.Equal(0.7103, r.GetProperty("overall").GetProperty("ndcg10").GetDouble());
        Assert.Equal(1.0, r.GetProperty("zh").GetProperty("recall10").GetDouble());
        Assert.Equal(0.5436, r.GetProperty("en").GetProperty("ndcg10").GetDouble());
        Assert.Equal(["volcano", "compiler", "表演"], r.GetProperty("notFirst").EnumerateArray().Select(e => e.GetProperty("query").GetString()));
    }

    [Fact]
    public void An_unknown_baseline_exits_2()
    {
        var (exit, _, error) = Run("eval", "--queries", Queries, "--archive", Archive, "--baseline", "lucene");

        Assert.Equal(2, exit);
        Assert.Contains("lucene", error);
    }

    [Fact]
    public void Keeps_the_index_when_given_one_and_reuses_it_on_the_next_run()
    {
        var index = Path.Combine(root, "index");

        Run("eval", "--queries", Queries, "--archive", Archive, "--index", index);
        var (exit, output, _) = Run("eval", "--queries", Queries, "--archive", Archive, "--index", index);

        Assert.Equal(0, exit);
        Assert.True(Directory.Exists(index));
        Assert.Contains("overall         6   0.6667", output);
    }

    [Fact]
    public void A_malformed_query_line_exits_2_naming_the_line()
    {
        File.AppendAllText(Queries, "a query without an id\n");

        var (exit, output, error) = Run("eval", "--queries", Queries, "--archive", Archive);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("queries.tsv:9: line 9: expected 2 tab-separated fields", error);
    }

    [Fact]
    public void An_expected_id_missing_from_the_archive_is_warned_about()
    {
        File.AppendAllText(Queries, "冰雪\t0000000000000fff\n");

        var (_, output, _) = Run("eval", "--queries", Queries, "--archive", Archive);

        Assert.Contains("Warning: 1 expected ids are not in the archive: 0000000000000fff", output);
    }

    [Fact]
    public void A_missing_archive_exits_2()
    {
        var (exit, _, error) = Run("eval", "--queries", Queries, "--archive", Path.Combine(root, "nowhere"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
