using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// A page's hits (top-level document ids) taken segment by segment, ascending within each, so that one iterator per
/// segment walks forward through them instead of a lookup per hit.
/// </summary>
internal static class PageSegments
{
    /// <summary>Each segment holding some of the hits, with those hits' positions in <paramref name="docIds"/>, in document order.</summary>
    public static IEnumerable<(AtomicReaderContext Leaf, int[] Positions)> Of(IndexReader reader, IReadOnlyList<int> docIds)
    {
        var order = Enumerable.Range(0, docIds.Count).OrderBy(i => docIds[i]).ToArray();
        var leaves = reader.Leaves;
        var first = 0;
        while (first < order.Length)
        {
            var leaf = leaves[ReaderUtil.SubIndex(docIds[order[first]], leaves)];
            var end = first;
            while (end < order.Length && docIds[order[end]] < leaf.DocBase + leaf.AtomicReader.MaxDoc) end++;
            yield return (leaf, order[first..end]);
            first = end;
        }
    }

    /// <summary>Whether the iterator has one of the segment's hits (<paramref name="positions"/> into <paramref name="docIds"/>, as <see cref="Of"/> gives them).</summary>
    public static bool HasAny(DocIdSetIterator iterator, AtomicReaderContext leaf, int[] positions, IReadOnlyList<int> docIds)
    {
        foreach (var i in positions)
        {
            var doc = docIds[i] - leaf.DocBase;
            var at = AdvanceTo(iterator, doc);
            if (at == doc) return true;
            if (at == DocIdSetIterator.NO_MORE_DOCS) return false;
        }
        return false;
    }

    /// <summary>Moves the iterator forward to <paramref name="doc"/> (never back); the document it stands on after.</summary>
    public static int AdvanceTo(DocIdSetIterator iterator, int doc) => iterator.DocID < doc ? iterator.Advance(doc) : iterator.DocID;
}
