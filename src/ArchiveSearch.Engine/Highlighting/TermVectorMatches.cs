using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Highlighting;

/// <summary>
/// Finds where query terms occur in a stored field from the term vector written at index time,
/// so highlighting never re-analyses the text (SmartCn is the slowest step of a search otherwise)
/// and marks exactly the characters the analyzer matched.
/// </summary>
internal sealed class TermVectorMatches(IReadOnlySet<string> terms, IReadOnlySet<string> prefixes)
{
    /// <summary>
    /// Matches in <paramref name="field"/> and its twin (the same text, read differently), merged. Pass the document's
    /// term vectors read once (<see cref="IndexReader.GetTermVectors"/>): each read decodes every field of the document.
    /// </summary>
    public IReadOnlyList<MatchSpan> Find(Fields? vectors, string field, string twin, int textLength)
    {
        var spans = new List<MatchSpan>();
        if (vectors is null || (terms.Count == 0 && prefixes.Count == 0)) return spans;
        Collect(vectors.GetTerms(field), textLength, spans);
        Collect(vectors.GetTerms(twin), textLength, spans);
        return Merge(spans);
    }

    private void Collect(Terms? vector, int textLength, List<MatchSpan> spans)
    {
        if (vector is null) return;
        var termsEnum = vector.GetEnumerator();
        DocsAndPositionsEnum? positions = null;
        foreach (var term in terms)
        {
            if (termsEnum.SeekExact(new BytesRef(term))) positions = AddOffsets(termsEnum, positions, spans, textLength);
        }
        if (prefixes.Count > 0)
        {
            // A document's term vector is small: walking it is cheaper than seeking each expansion.
            termsEnum = vector.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var text = termsEnum.Term.Utf8ToString();
                if (prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal))) positions = AddOffsets(termsEnum, positions, spans, textLength);
            }
        }
    }

    private static DocsAndPositionsEnum? AddOffsets(TermsEnum termsEnum, DocsAndPositionsEnum? reuse, List<MatchSpan> spans, int textLength)
    {
        var positions = termsEnum.DocsAndPositions(null, reuse, DocsAndPositionsFlags.OFFSETS);
        if (positions is null || positions.NextDoc() == DocIdSetIterator.NO_MORE_DOCS) return positions;
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
