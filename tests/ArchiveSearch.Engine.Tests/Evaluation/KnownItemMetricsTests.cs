using ArchiveSearch.Engine.Evaluation;

namespace ArchiveSearch.Engine.Tests.Evaluation;

public sealed class KnownItemMetricsTests
{
    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 0.5)]
    [InlineData(4, 0.25)]
    [InlineData(10, 0.1)]
    public void Reciprocal_rank_is_one_over_the_rank_within_ten(int rank, double expected) =>
        Assert.Equal(expected, KnownItemMetrics.ReciprocalRank(rank), 12);

    [Theory]
    [InlineData(11)]
    [InlineData(null)]
    public void Past_the_cut_off_or_not_found_scores_zero_everywhere(int? rank)
    {
        Assert.Equal(0, KnownItemMetrics.ReciprocalRank(rank));
        Assert.Equal(0, KnownItemMetrics.Recall(rank, 10));
        Assert.Equal(0, KnownItemMetrics.Ndcg(rank));
    }

    [Theory]
    [InlineData(1, 1, 1.0)]
    [InlineData(2, 1, 0.0)]
    [InlineData(2, 10, 1.0)]
    [InlineData(10, 10, 1.0)]
    public void Recall_at_k_is_whether_the_article_is_in_the_first_k(int rank, int k, double expected) =>
        Assert.Equal(expected, KnownItemMetrics.Recall(rank, k));

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 0.630929753571)] // 1/log2(3)
    [InlineData(3, 0.5)]            // 1/log2(4)
    [InlineData(7, 0.333333333333)] // 1/log2(8)
    [InlineData(10, 0.289064826317)] // 1/log2(11)
    public void Ndcg_with_one_relevant_article_is_its_discounted_gain(int rank, double expected) =>
        Assert.Equal(expected, KnownItemMetrics.Ndcg(rank), 11);

    [Fact]
    public void A_rank_below_one_is_a_bug_in_the_caller() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KnownItemMetrics.ReciprocalRank(0));

    [Fact]
    public void A_summary_averages_each_metric_over_the_queries()
    {
        // Ranks 1, 2, 4, not found: RR 1 + 0.5 + 0.25 + 0 = 1.75; nDCG 1 + 1/log2(3) + 1/log2(5) + 0.
        var summary = MetricSummary.Of([1, 2, 4, null]);

        Assert.Equal(4, summary.Queries);
        Assert.Equal(0.4375, summary.Mrr10, 12);
        Assert.Equal(0.25, summary.Recall1, 12);
        Assert.Equal(0.75, summary.Recall10, 12);
        Assert.Equal((1 + 0.630929753571 + 0.430676558073) / 4, summary.Ndcg10, 11);
    }

    [Fact]
    public void A_summary_of_no_queries_is_all_zero() =>
        Assert.Equal(new MetricSummary(0, 0, 0, 0, 0), MetricSummary.Of([]));
}
