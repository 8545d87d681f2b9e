using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>
/// A first build under way: <c>Done</c> of <c>Total</c> files, files per second over the last half minute, and the
/// seconds left at that rate (both null until measured; the ETA also while the final merge runs).
/// </summary>
public sealed record IndexingStatus(int Done, int Total, double? FilesPerSecond, int? EtaSeconds)
{
    public static IndexingStatus From(ReindexProgress progress)
    {
        var estimate = progress.Estimate();
        return new(progress.Scanned, progress.Total, Rate(estimate), Eta(estimate));
    }

    internal static double? Rate(ProgressEstimate estimate) => estimate.FilesPerSecond is { } rate ? Math.Round(rate, 1) : null;

    internal static int? Eta(ProgressEstimate estimate) => estimate.Remaining is { } left ? (int)Math.Ceiling(left.TotalSeconds) : null;
}
