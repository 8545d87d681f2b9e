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
    /// <param name="termStates">The search's term look-ups: a word that is one term or a disjunction of terms (a word SmartCn
    /// leaves whole, in any field, or its bigrams) is checked from its postings, with no query built.</param>
    /// <param name="pageDocs">The page's hits (top-level doc ids): results, so they pass the filters.</param>
    /// <param name="filtered">The request has filters: a word's documents elsewhere in the archive must pass them to count.</param>
    /// <param name="passesFilters">Wraps a collector so that it sees only the documents that pass the request's filters.</param>
    public static IReadOnlyList<string> Find(IndexSearcher searcher, SharedTermStates termStates, IReadOnlyList<QueryWord> words, IReadOnlyList<int> pageDocs,
        bool filtered, Func<ICollector, ICollector> passesFilters)
    {
        // One word alone is never "dropped": without it there is nothing left to answer with.
        if (words.Count < 2) return [];
        var missing = new List<string>();
        foreach (var word in words)
        {
            if (TermsOf(word.Matches) is { } terms)
            {
                if (AnyOnPage(searcher, termStates, terms, pageDocs)) continue;
                if (!filtered)
                {
                    if (!AnyLive(searcher, termStates, terms)) missing.Add(word.Text);
                    continue;
                }
            }
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

    /// <summary>The terms a word matches with when it is a term or a disjunction of terms (nested or not); otherwise null.</summary>
    private static List<Term>? TermsOf(Query query)
    {
        switch (query)
        {
            case TermQuery term:
                return [term.Term];
            case BooleanQuery { MinimumNumberShouldMatch: <= 1 } any when any.Clauses.All(c => c.Occur == Occur.SHOULD):
                var terms = new List<Term>();
                foreach (var clause in any.Clauses)
                {
                    if (TermsOf(clause.Query) is not { } inner) return null;
                    terms.AddRange(inner);
                }
                return terms;
            default:
                return null;
        }
    }

    /// <summary>Whether a page hit has one of the terms: each segment's hits walked through each term's documents.</summary>
    private static bool AnyOnPage(IndexSearcher searcher, SharedTermStates termStates, List<Term> terms, IReadOnlyList<int> docs)
    {
        foreach (var (leaf, inSegment) in PageSegments.Of(searcher.IndexReader, docs))
        {
            foreach (var term in terms)
            {
                if (termStates.DocsOf(term, leaf) is { } postings && PageSegments.HasAny(postings, leaf, inSegment, docs)) return true;
            }
        }
        return false;
    }

    /// <summary>Whether any live document has one of the terms (a segment without deletions answers from its term dictionary).</summary>
    private static bool AnyLive(IndexSearcher searcher, SharedTermStates termStates, List<Term> terms)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            foreach (var term in terms)
            {
                if (termStates.DocsOf(term, leaf) is not { } postings) continue;
                if (!leaf.AtomicReader.HasDeletions || postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) return true;
            }
        }
        return false;
    }

    private static bool AnyHas(IndexSearcher searcher, Query query, IReadOnlyList<int> docs)
    {
        if (docs.Count == 0) return false;
        var weight = searcher.CreateNormalizedWeight(query);
        foreach (var (leaf, inSegment) in PageSegments.Of(searcher.IndexReader, docs))
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer && PageSegments.HasAny(scorer, leaf, inSegment, docs)) return true;
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
