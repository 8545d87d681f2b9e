namespace ArchiveSearch.Engine.Evaluation;

/// <summary>What the search returned for one query.</summary>
/// <param name="Rank">1-based rank of the expected article in the first page, or null when it was not there.</param>
/// <param name="TopHitId">The first hit, or null when nothing matched.</param>
/// <param name="Error">Why the search was refused (a limit), when it was; the query then counts as not found.</param>
public sealed record QueryOutcome(EvalQuery Query, int? Rank, string? TopHitId, string? TopHitTitle, string? Error = null)
{
    public double ReciprocalRank => KnownItemMetrics.ReciprocalRank(Rank);
}
