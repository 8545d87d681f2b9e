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
}
