using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>
/// The terms of a field that begin with a prefix, most documents first, read from the terms dictionary
/// (<see cref="TermsEnum.SeekCeil(BytesRef)"/> to the prefix, then in order while terms still begin with it). Nothing
/// is built or cached: each call reads the reader it is given, so suggestions are never staler than searches.
/// </summary>
internal static class TermCompletions
{
    /// <summary>
    /// Terms read per call at most (in term order), so a one-letter prefix over a large index stays bounded; past it
    /// the ranking covers only the terms read.
    /// </summary>
    internal const int MaxTermsScanned = 10_000;

    /// <param name="exact">
    /// Count live documents. The dictionary's document frequency also counts deleted documents until their segment
    /// merges, so with deletions the best candidates (ranked by it) are counted again over the live documents.
    /// </param>
    public static IReadOnlyList<(string Term, int Count)> Top(IndexReader reader, string field, string prefix, int size, bool exact = true)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || size <= 0) return [];
        var recount = exact && reader.HasDeletions;
        var candidates = recount ? size * 2 + 8 : size;
        var best = new PriorityQueue<(string Term, int Count), (string Term, int Count)>(Ranking) /* the worst at its head */;
        var start = new BytesRef(prefix);
        var scanned = 0;
        var enumerator = terms.GetEnumerator();
        if (enumerator.SeekCeil(start) == TermsEnum.SeekStatus.END) return [];
        do
        {
            var term = enumerator.Term;
            if (!StringHelper.StartsWith(term, start) || ++scanned > MaxTermsScanned) break;
            var entry = (term.Utf8ToString(), enumerator.DocFreq);
            if (best.Count < candidates) best.Enqueue(entry, entry);
            else if (Ranking.Compare(entry, best.Peek()) > 0) best.EnqueueDequeue(entry, entry);
        }
        while (enumerator.MoveNext());

        var found = new List<(string Term, int Count)>(best.Count);
        while (best.Count > 0) found.Add(best.Dequeue());
        if (recount)
        {
            var live = MultiFields.GetLiveDocs(reader);
            found = found.Select(t => (t.Term, LiveCount(reader, live, field, t.Term))).Where(t => t.Item2 > 0).ToList();
        }
        found.Sort((a, b) => Ranking.Compare(b, a));
        return found.Count > size ? found[..size] : found;
    }

    private static int LiveCount(IndexReader reader, IBits live, string field, string term)
    {
        var docs = MultiFields.GetTermDocsEnum(reader, live, field, new BytesRef(term), DocsFlags.NONE);
        if (docs is null) return 0;
        var count = 0;
        while (docs.NextDoc() != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS) count++;
        return count;
    }

    /// <summary>Positive when the first ranks before the second: more documents, or as many and the earlier term.</summary>
    private static readonly Comparer<(string Term, int Count)> Ranking = Comparer<(string Term, int Count)>.Create((a, b) =>
        a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(b.Term, a.Term));
}
