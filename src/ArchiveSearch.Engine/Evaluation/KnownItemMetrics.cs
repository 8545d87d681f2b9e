namespace ArchiveSearch.Engine.Evaluation;

/// <summary>
/// Scores of one known-item query (exactly one relevant article), from the 1-based rank at which that
/// article was returned, or null when it was not returned at all. Ranks past the cut-off count as not found.
/// </summary>
public static class KnownItemMetrics
{
    public const int CutOff = 10;

    /// <summary>1/rank when the article is within the first <paramref name="k"/> hits, else 0.</summary>
    public static double ReciprocalRank(int? rank, int k = CutOff) => Within(rank, k) ? 1.0 / rank!.Value : 0;

    /// <summary>1 when the article is within the first <paramref name="k"/> hits, else 0.</summary>
    public static double Recall(int? rank, int k) => Within(rank, k) ? 1 : 0;

    /// <summary>
    /// nDCG@k with binary relevance. With one relevant article the ideal ranking puts it first (IDCG = 1),
    /// so nDCG is its discounted gain: 1/log2(rank + 1).
    /// </summary>
    public static double Ndcg(int? rank, int k = CutOff) => Within(rank, k) ? 1.0 / Math.Log2(rank!.Value + 1) : 0;

    private static bool Within(int? rank, int k)
    {
        if (rank is < 1) throw new ArgumentOutOfRangeException(nameof(rank), rank, "Ranks start at 1.");
        return rank is { } r && r <= k;
    }
}
