namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// A collector that takes a <see cref="WordSumScorer"/>'s matches a window at a time, each with its score read from the
/// window's arrays, instead of a call per match through Lucene's collector and scorer interfaces.
/// </summary>
internal interface IWindowCollector
{
    /// <summary>Whether it can now: false sends the matches one by one to <c>Collect</c> as usual.</summary>
    bool TakesWindows { get; }

    /// <summary>Matches of the current segment in order; <paramref name="scores"/> answers each one's score until the next window.</summary>
    void CollectWindow(ReadOnlySpan<int> docs, WordSumScorer scores);
}
