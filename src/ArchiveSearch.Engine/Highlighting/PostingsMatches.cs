using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Highlighting;

/// <summary>
/// Finds where query terms occur in a document: for the SmartCn reading from the character offsets indexed with its
/// postings, so highlighting never re-analyses the text and marks exactly the characters the analyzer matched; for the
/// bigram reading in the stored text itself (<see cref="BigramTextMatches"/>). A page costs one term lookup per segment,
/// query term and field, not a decoded term vector per hit.
/// </summary>
/// <param name="terms">The analysed query terms of both readings, prefixes already expanded to the words they matched.</param>
internal sealed class PostingsMatches(IEnumerable<string> terms)
{
    private readonly string[] distinctTerms = [.. terms.Distinct(StringComparer.Ordinal)];
    private BytesRef[]? termBytes;
    private BigramTextMatches? bigrams;

    private BytesRef[] TermBytes => termBytes ??= [.. distinctTerms.Select(t => new BytesRef(t))];
    private BigramTextMatches Bigrams => bigrams ??= new BigramTextMatches(distinctTerms);

    public bool IsEmpty => distinctTerms.Length == 0;

    /// <summary>
    /// Matches in <paramref name="field"/> and in the bigram reading of the same text, merged, for each of a page's
    /// documents (top-level ids), in the page's order. Each segment, field and term is looked up once for the whole page
    /// and its postings walked forward through the page's documents in that segment.
    /// </summary>
    /// <param name="text">The stored text of the i-th document: an offset beyond it is not marked.</param>
    public IReadOnlyList<MatchSpan>[] FindAll(IndexReader reader, IReadOnlyList<int> docIds, string field, Func<int, string> text)
    {
        var spans = new List<MatchSpan>[docIds.Count];
        for (var i = 0; i < spans.Length; i++) spans[i] = [];
        if (IsEmpty) return spans;
        foreach (var (leaf, inSegment) in PageSegments.Of(reader, docIds))
        {
            Collect(leaf, leaf.AtomicReader.GetTerms(field), inSegment, docIds, i => text(i).Length, spans);
        }
        for (var i = 0; i < spans.Length; i++) Bigrams.AddMatches(text(i), spans[i]);
        return [.. spans.Select(Merge)];
    }

    private void Collect(AtomicReaderContext leaf, Terms? postings, int[] inSegment, IReadOnlyList<int> docIds, Func<int, int> textLength, List<MatchSpan>[] spans)
    {
        if (postings is null || !postings.HasOffsets) return;
        var termsEnum = postings.GetEnumerator();
        DocsAndPositionsEnum? positions = null;
        foreach (var term in TermBytes)
        {
            if (!termsEnum.SeekExact(term)) continue;
            positions = termsEnum.DocsAndPositions(leaf.AtomicReader.LiveDocs, positions, DocsAndPositionsFlags.OFFSETS);
            if (positions is null) continue;
            foreach (var i in inSegment)
            {
                var doc = docIds[i] - leaf.DocBase;
                var at = PageSegments.AdvanceTo(positions, doc);
                if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                if (at == doc) AddOffsets(positions, textLength(i), spans[i]);
            }
        }
    }

    private static void AddOffsets(DocsAndPositionsEnum positions, int textLength, List<MatchSpan> spans)
    {
        for (var i = 0; i < positions.Freq; i++)
        {
            positions.NextPosition();
            var start = positions.StartOffset;
            var end = positions.EndOffset;
            if (start >= 0 && end > start && end <= textLength) spans.Add(new MatchSpan(start, end));
        }
    }

    private static List<MatchSpan> Merge(List<MatchSpan> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<MatchSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }
}
