namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// How often a first build commits: after <see cref="Interval"/> or <see cref="Files"/> files written, whichever
/// comes first, each growing to a tenth of the build so far. Each commit makes the build so far searchable and
/// durable; it costs a segment flush, an fsync and a searcher refresh, and the small segments it leaves are merged
/// again later. Growing batches keep the first minutes lively and bound the commits of a large archive to a few
/// dozen (fixed 5-second batches would be 360 over an hour's build).
/// </summary>
public sealed record BatchCommits(TimeSpan Interval, int Files)
{
    public static BatchCommits Default { get; } = new(TimeSpan.FromSeconds(5), 5_000);

    /// <summary>The interval and file count of the next batch, <paramref name="elapsed"/> into a build that has
    /// committed <paramref name="committed"/> files.</summary>
    public (TimeSpan Interval, int Files) At(TimeSpan elapsed, int committed) =>
        (TimeSpan.FromTicks(Math.Max(Interval.Ticks, elapsed.Ticks / GrowthDivisor)), Math.Max(Files, committed / GrowthDivisor));

    private const int GrowthDivisor = 10;
}
