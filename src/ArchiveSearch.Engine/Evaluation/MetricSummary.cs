namespace ArchiveSearch.Engine.Evaluation;

/// <summary>The mean of each known-item metric over a set of queries (all 0 for an empty set).</summary>
public sealed record MetricSummary(int Queries, double Mrr10, double Recall1, double Recall10, double Ndcg10)
{
    /// <summary>Averages the metrics of the given ranks (1-based; null: not found).</summary>
    public static MetricSummary Of(IReadOnlyCollection<int?> ranks)
    {
        if (ranks.Count == 0) return new MetricSummary(0, 0, 0, 0, 0);
        double Mean(Func<int?, double> metric) => ranks.Sum(metric) / ranks.Count;
        return new MetricSummary(
            ranks.Count,
            Mean(r => KnownItemMetrics.ReciprocalRank(r)),
            Mean(r => KnownItemMetrics.Recall(r, 1)),
            Mean(r => KnownItemMetrics.Recall(r, KnownItemMetrics.CutOff)),
            Mean(r => KnownItemMetrics.Ndcg(r)));
    }
}
