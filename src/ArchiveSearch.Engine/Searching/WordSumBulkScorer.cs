using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Scores a <see cref="WordSumQuery"/> over a segment: to a collector that takes windows, a window of matches at a time;
/// to any other, a match at a time as Lucene's own bulk scorer does.
/// </summary>
internal sealed class WordSumBulkScorer(WordSumScorer scorer) : BulkScorer
{
    public override bool Score(ICollector collector, int max)
    {
        collector.SetScorer(scorer);
        var doc = scorer.DocID < 0 ? scorer.NextDoc() : scorer.DocID;
        if (collector is IWindowCollector { TakesWindows: true } windows)
        {
            doc = scorer.CollectUpTo(windows, max);
        }
        else
        {
            for (; doc < max; doc = scorer.NextDoc()) collector.Collect(doc);
        }
        return doc != DocIdSetIterator.NO_MORE_DOCS;
    }
}
