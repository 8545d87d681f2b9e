using Lucene.Net.Analysis;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>Where searches get a consistent snapshot from: one index, or the live one across rebuilds.</summary>
public interface ISearcherSource
{
    Analyzer Analyzer { get; }

    /// <summary>A searcher over the last committed state; dispose the lease to release it.</summary>
    SearcherLease AcquireSearcher();
}
