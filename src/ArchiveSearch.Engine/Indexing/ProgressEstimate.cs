namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// The rate of a run, in files scanned per second, and the time left at that rate. Both are null until the run
/// has gone on long enough to measure; <see cref="Remaining"/> is also null while nothing moves (the final merge).
/// </summary>
public sealed record ProgressEstimate(double? FilesPerSecond, TimeSpan? Remaining);
