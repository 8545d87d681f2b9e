using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Highlighting;

/// <summary>
/// Finds where query terms occur in a document from the character offsets indexed with their postings, so
/// highlighting never re-analyses the text (SmartCn is the slowest step of a search otherwise) and marks exactly the
/// characters the analyzer matched. A hit costs one term lookup per query term and field, not a decoded term vector.
/// </summary>
/// <param name="terms">The analysed query terms, prefixes already expanded to the words they matched.</param>
internal sealed class PostingsMatches(IEnumerable<string> terms)
{
    private readonly BytesRef[] termBytes = [.. terms.Distinct(StringComparer.Ordinal).Select(t => new BytesRef(t))];

    public bool IsEmpty => termBytes.Length == 0;

    /// <summary>Matches in <paramref name="field"/> and its twin (the same text, read differently), merged, in document <paramref name="doc"/> of <paramref name="segment"/>.</summary>
    public IReadOnlyList<MatchSpan> Find(AtomicReader segment, int doc, string field, string twin, int textLength)
    {
        var spans = new List<MatchSpan>();
        if (IsEmpty) return spans;
        Collect(segment.GetTerms(field), segment.LiveDocs, doc, textLength, spans);
        Collect(segment.GetTerms(twin), segment.LiveDocs, doc, textLength, spans);
        return Merge(spans);
    }

    private void Collect(Terms? postings, IBits? liveDocs, int doc, int textLength, List<MatchSpan> spans)
    {
        if (postings is null || !postings.HasOffsets) return;
        var termsEnum = postings.GetEnumerator();
        DocsAndPositionsEnum? positions = null;
        foreach (var term in termBytes)
        {
            if (termsEnum.SeekExact(term)) positions = AddOffsets(termsEnum, positions, liveDocs, doc, spans, textLength);
        }
    }

    private static DocsAndPositionsEnum? AddOffsets(TermsEnum termsEnum, DocsAndPositionsEnum? reuse, IBits? liveDocs, int doc, List<MatchSpan> spans, int textLength)
    {
        var positions = termsEnum.DocsAndPositions(liveDocs, reuse, DocsAndPositionsFlags.OFFSETS);
        if (positions is null || positions.Advance(doc) != doc) return positions;
        for (var i = 0; i < positions.Freq; i++)
        {
            positions.NextPosition();
            var start = positions.StartOffset;
            var end = positions.EndOffset;
            if (start >= 0 && end > start && end <= textLength) spans.Add(new MatchSpan(start, end));
        }
        return positions;
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
