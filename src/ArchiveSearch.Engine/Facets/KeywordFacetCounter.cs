using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Facets;

/// <summary>
/// Counts one keyword facet (hashtags, sources or types) from the per-segment ordinals of its
/// SortedSet doc values, and answers whether a document passes this facet's own filter.
/// Ordinals are counted per segment and resolved to strings once per segment, not per document.
/// </summary>
/// <param name="selected">The filter's values: key → the spelling the user gave.</param>
internal sealed class KeywordFacetCounter(string field, IReadOnlyDictionary<string, string> selected)
{
    private readonly Dictionary<string, int> totals = new(StringComparer.Ordinal);
    private OrdinalColumn? column;
    private int[] segmentCounts = [];
    private bool[] selectedOrdinals = [];
    private int loadedDoc = -1;

    public bool IsFiltering => selected.Count > 0;

    public void SetSegment(AtomicReader reader)
    {
        FlushSegment();
        column = SegmentColumns.Ordinals(reader, field);
        segmentCounts = new int[column.Values.Count];
        selectedOrdinals = IsFiltering ? SelectedOrdinals(column) : [];
    }

    /// <summary>Loads the document's values; true when it passes this facet's filter (or there is none).</summary>
    public bool Load(int doc)
    {
        loadedDoc = doc;
        if (!IsFiltering) return true;
        foreach (var ord in column!.Of(doc))
        {
            if (selectedOrdinals[ord]) return true;
        }
        return false;
    }

    public void CountLoaded()
    {
        foreach (var ord in column!.Of(loadedDoc)) segmentCounts[ord]++;
    }

    /// <summary>The most frequent values first (ties by value); selected values are always listed so a user can untick them.</summary>
    public IReadOnlyList<FacetBucket> Top(int size)
    {
        FlushSegment();
        var byKey = new Dictionary<string, (string Display, int DisplayCount, int Total)>(StringComparer.Ordinal);
        foreach (var (value, count) in totals)
        {
            var separator = value.IndexOf(IndexSchema.FacetSeparator);
            var key = value[..separator];
            var display = value[(separator + 1)..];
            // One key may be spelled differently in different articles: show the most common spelling.
            byKey[key] = byKey.TryGetValue(key, out var seen)
                ? (count > seen.DisplayCount ? display : seen.Display, Math.Max(count, seen.DisplayCount), seen.Total + count)
                : (display, count, count);
        }
        var buckets = byKey
            .Select(pair => (Key: pair.Key, Bucket: new FacetBucket(pair.Value.Display, pair.Value.Total)))
            .OrderByDescending(b => b.Bucket.Count)
            .ThenBy(b => b.Bucket.Value, StringComparer.Ordinal)
            .ToList();
        var top = buckets.Take(size).ToList();
        foreach (var (key, spelling) in selected)
        {
            if (top.Any(b => b.Key == key)) continue;
            var match = buckets.FirstOrDefault(b => b.Key == key);
            top.Add(match.Bucket is null ? (key, new FacetBucket(spelling, 0)) : match);
        }
        return top.Select(b => b.Bucket).ToList();
    }

    private void FlushSegment()
    {
        if (column is null) return;
        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] == 0) continue;
            var value = column.Values[ord];
            totals[value] = totals.GetValueOrDefault(value) + segmentCounts[ord];
        }
        column = null;
        segmentCounts = [];
    }

    // Values are stored as "key\u001Fdisplay", so every spelling of a selected key starts with "key\u001F".
    private bool[] SelectedOrdinals(OrdinalColumn segment)
    {
        var prefixes = selected.Keys.Select(key => key + IndexSchema.FacetSeparator).ToList();
        var flags = new bool[segment.Values.Count];
        for (var ord = 0; ord < flags.Length; ord++)
        {
            foreach (var prefix in prefixes)
            {
                if (segment.Values[ord].StartsWith(prefix, StringComparison.Ordinal)) flags[ord] = true;
            }
        }
        return flags;
    }
}
