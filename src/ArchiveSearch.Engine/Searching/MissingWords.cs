using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// The typed words no result contains. The ranking already answers a query whose rare word matches nothing with the
/// articles that have the rest; this tells the user which words those answers lack, as search engines' "Missing:" line.
/// </summary>
internal static class MissingWords
{
    /// <param name="pageDocs">The page's hits (top-level doc ids): results, so they pass the filters.</param>
    /// <param name="passesFilters">Wraps a collector so that it sees only the documents that pass the request's filters.</param>
    public static IReadOnlyList<string> Find(IndexSearcher searcher, IReadOnlyList<QueryWord> words, IReadOnlyList<int> pageDocs, Func<ICollector, ICollector> passesFilters)
    {
        // One word alone is never "dropped": without it there is nothing left to answer with.
        if (words.Count < 2) return [];
        var missing = new List<string>();
        foreach (var word in words)
        {
            var matches = new ConstantScoreQuery(word.Matches);
            // Usually a hit on the page has the word: one skip per hit instead of a search that stops at the first match
            // by throwing (an exception per segment; with the term lookups, a seventh of a broad search's time).
            if (AnyHas(searcher, matches, pageDocs)) continue;
            var first = new FirstHitCollector();
            searcher.Search(matches, passesFilters(first));
            if (!first.Found) missing.Add(word.Text);
        }
        return missing.Count == words.Count ? [] : missing;
    }

    private static bool AnyHas(IndexSearcher searcher, Query query, IReadOnlyList<int> docs)
    {
        if (docs.Count == 0) return false;
        var weight = searcher.CreateNormalizedWeight(query);
        foreach (var (leaf, inSegment) in PageSegments.Of(searcher.IndexReader, docs))
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null) continue;
            foreach (var i in inSegment)
            {
                var doc = docs[i] - leaf.DocBase;
                var at = PageSegments.AdvanceTo(scorer, doc);
                if (at == doc) return true;
                if (at == DocIdSetIterator.NO_MORE_DOCS) break;
            }
        }
        return false;
    }

    /// <summary>Stops each segment at its first document, and skips the remaining segments once one is found.</summary>
    private sealed class FirstHitCollector : ICollector
    {
        public bool Found { get; private set; }

        // In order, as the main search: out of order a SHOULD query allocates a 2,048-bucket table per segment.
        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context)
        {
            if (Found) throw new CollectionTerminatedException();
        }

        public void Collect(int doc)
        {
            Found = true;
            throw new CollectionTerminatedException();
        }
    }
}
