using static ArchiveSearch.Cli.Tests.CliRun;
using System.Text;

namespace ArchiveSearch.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "as-cli-" + Guid.NewGuid().ToString("N"));
    private string Archive => Path.Combine(root, "archive");
    private string Index => Path.Combine(root, "index");

    public CliTests()
    {
        Write("2025-03-01/000_00000000000000a1.txt", """
            # Rust 编写的全文搜索引擎

            **URL**: https://example.org/rust-search

            ## 原始摘要

            一个用 Rust 写的搜索引擎。<br><br>支持中文分词。

            ## AI 摘要

            介绍一个用 Rust 编写、支持中文分词的全文搜索引擎。

            ## 元数据

            - **来源**: RSS
            - **类型**: 博客
            - **保存时间**: 2025-03-01T08:00:00Z
            - **目录日期**: 2025-03-01
            """);
        Write("2025-03-02/000_00000000000000a2.txt", """
            # Notes on vector databases

            ## AI summary

            Comparing vector databases for retrieval.

            ## Metadata

            - **Source**: Hacker News
            - **Type**: 新闻
            - **Saved at**: 2025-03-02T08:00:00Z
            """);
        Write("2025-03-03/000_00000000000000a3.txt", "no title line here\n");
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Archive, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n", new UTF8Encoding(false));
    }

    [Fact]
    public void Index_reports_counts_and_each_skipped_file_with_its_reason()
    {
        var (exit, output, _) = Run("index", "--archive", Archive, "--index", Index);

        Assert.Equal(0, exit);
        Assert.Contains("Files:     3", output);
        Assert.Contains("Added:     2", output);
        Assert.Contains("Skipped:   1", output);
        Assert.Contains("2025-03-03/000_00000000000000a3.txt:1:", output);
        Assert.Contains("In index:  2 articles", output);
    }

    [Fact]
    public void Indexing_twice_replaces_articles_instead_of_duplicating_them()
    {
        Run("index", "--archive", Archive, "--index", Index);
        var (_, output, _) = Run("index", "--archive", Archive, "--index", Index);

        Assert.Contains("Added:     0", output);
        Assert.Contains("Unchanged: 2", output);
        Assert.Contains("In index:  2 articles", output);
    }

    [Fact]
    public void Full_rebuilds_into_a_new_generation_and_reports_counts_against_the_old_one()
    {
        Run("index", "--archive", Archive, "--index", Index);
        File.Delete(Path.Combine(Archive, "2025-03-02/000_00000000000000a2.txt"));

        var (exit, output, _) = Run("index", "--archive", Archive, "--index", Index, "--full");

        Assert.Equal(0, exit);
        Assert.Contains("Deleted:   1", output);
        Assert.Contains("Unchanged: 1", output);
        Assert.Contains("In index:  1 articles", output);
        Assert.Equal(["gen-000002"], Directory.GetDirectories(Index).Select(Path.GetFileName));
    }

    [Fact]
    public void Query_works_beside_a_process_holding_the_write_lock()
    {
        Run("index", "--archive", Archive, "--index", Index);
        using var writer = ArchiveSearch.Engine.Indexing.LiveIndex.Open(Index, ArchiveSearch.Engine.Analysis.ArticleAnalyzer.Create());

        var (exit, output, _) = Run("query", "rust", "--index", Index);
        var (busyExit, _, busyError) = Run("index", "--archive", Archive, "--index", Index);

        Assert.Equal(0, exit);
        Assert.StartsWith("1 articles", output);
        Assert.Equal(3, busyExit);
        Assert.Contains("in use by another process", busyError);
    }

    [Fact]
    public void Query_prints_ranked_hits_with_matches_in_brackets()
    {
        Run("index", "--archive", Archive, "--index", Index);

        var (exit, output, _) = Run("query", "rust 搜索引擎", "--index", Index);

        Assert.Equal(0, exit);
        Assert.StartsWith("1 articles", output);
        Assert.Contains("1. [Rust] 编写的全文[搜索引擎]", output);
        Assert.Contains("2025-03-01 · RSS · 博客 · 00000000000000a1", output);
    }

    [Fact]
    public void Query_applies_filters_like_the_api()
    {
        Run("index", "--archive", Archive, "--index", Index);

        var (_, output, _) = Run("query", "--index", Index, "--source", "hacker news");

        Assert.StartsWith("1 articles", output);
        Assert.Contains("Notes on vector databases", output);
    }

    [Fact]
    public void A_bad_parameter_exits_2_and_names_it()
    {
        Run("index", "--archive", Archive, "--index", Index);

        var (exit, _, error) = Run("query", "rust", "--index", Index, "--from", "2025-13-01");

        Assert.Equal(2, exit);
        Assert.StartsWith("--from:", error);
    }

    [Fact]
    public void A_malformed_command_line_exits_2_and_names_the_problem()
    {
        var (exit, output, error) = Run("query", "rust", "--index", Index, "--size", "many");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("'many'", error);
        Assert.Contains("--size", error);
    }

    [Fact]
    public void A_missing_archive_exits_2_with_its_path()
    {
        var (exit, _, error) = Run("index", "--archive", Path.Combine(root, "nope"), "--index", Index);

        Assert.Equal(2, exit);
        Assert.Contains(Path.Combine(root, "nope"), error);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
