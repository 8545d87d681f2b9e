using ArchiveSearch.Engine.Evaluation;

namespace ArchiveSearch.Engine.Tests.Evaluation;

public sealed class EvaluationReportTests
{
    private static QueryOutcome Outcome(string query, int line, int? rank) =>
        new(new EvalQuery(query, "id" + line, line), rank, "top", "Top title");

    [Fact]
    public void Splits_the_metrics_by_query_language()
    {
        var report = new EvaluationReport([Outcome("软件包", 1, 1), Outcome("package", 2, 2), Outcome("镜像", 3, null)], [], TimeSpan.Zero);

        Assert.Equal(new MetricSummary(2, 0.5, 0.5, 0.5, 0.5), report.Chinese);
        Assert.Equal(new MetricSummary(1, 0.5, 0, 1, 1 / Math.Log2(3)), report.English);
        Assert.Equal(3, report.Overall.Queries);
        Assert.Equal(0.5, report.Overall.Mrr10, 12);
    }

    [Fact]
    public void Worst_lists_not_found_first_then_the_lowest_ranks_and_never_a_first_hit()
    {
        var report = new EvaluationReport(
            [Outcome("a", 1, 3), Outcome("b", 2, null), Outcome("c", 3, 1), Outcome("d", 4, 7), Outcome("e", 5, null), Outcome("f", 6, 12)],
            [], TimeSpan.Zero);

        Assert.Equal(["b", "e", "f", "d", "a"], report.Worst(10).Select(o => o.Query.Query));
        Assert.Equal(["b", "e"], report.Worst(2).Select(o => o.Query.Query));
    }

    [Fact]
    public void Splits_each_language_by_query_length_in_smartcn_words()
    {
        // 配置虚拟主机 is 配置 | 虚拟 | 主机 to SmartCn: three words, though typed as one.
        var report = new EvaluationReport(
            [Outcome("镜像", 1, 1), Outcome("配置虚拟主机", 2, 2), Outcome("vector search", 3, null), Outcome("how to run a script at boot time", 4, 1)],
            [], TimeSpan.Zero);

        Assert.Equal(
            [("zh", "1-2 words", 1, 1.0), ("zh", "3-5 words", 1, 0.5), ("en", "1-2 words", 1, 0.0), ("en", "6+ words", 1, 1.0)],
            report.ByLength.Select(x => (x.Language, x.LengthClass, x.Metrics.Queries, x.Metrics.Mrr10)));
    }
}
