using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

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
    private SortedSetDocValues? values;
    private int[] segmentCounts = [];
    private HashSet<long> selectedOrdinals = [];
    private long[] loaded = new long[8];
    private int loadedCount;

    public bool IsFiltering => selected.Count > 0;

    public void SetSegment(AtomicReader reader)
    {
        FlushSegment();
        values = reader.GetSortedSetDocValues(field);
        segmentCounts = values is null ? [] : new int[values.ValueCount];
        selectedOrdinals = values is null || !IsFiltering ? [] : SelectedOrdinals(values);
    }

    /// <summary>Loads the document's values; true when it passes this facet's filter (or there is none).</summary>
    public bool Load(int doc)
    {
        loadedCount = 0;
        var passes = !IsFiltering;
        if (values is null) return passes;
        values.SetDocument(doc);
        long ord;
        while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            if (loadedCount == loaded.Length) Array.Resize(ref loaded, loaded.Length * 2);
            loaded[loadedCount++] = ord;
            if (!passes && selectedOrdinals.Contains(ord)) passes = true;
        }
        return passes;
    }

    public void CountLoaded()
    {
        for (var i = 0; i < loadedCount; i++) segmentCounts[loaded[i]]++;
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
        if (values is null) return;
        var bytes = new BytesRef();
        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] == 0) continue;
            values.LookupOrd(ord, bytes);
            var value = bytes.Utf8ToString();
            totals[value] = totals.GetValueOrDefault(value) + segmentCounts[ord];
        }
        values = null;
        segmentCounts = [];
    }

    // Values are stored as "key\u001Fdisplay", sorted, so all spellings of a key are one contiguous run.
    private HashSet<long> SelectedOrdinals(SortedSetDocValues dv)
    {
        var ordinals = new HashSet<long>();
        var bytes = new BytesRef();
        foreach (var key in selected.Keys)
        {
            var prefix = key + IndexSchema.FacetSeparator;
            var ord = dv.LookupTerm(new BytesRef(prefix));
            if (ord < 0) ord = -ord - 1;
            for (; ord < dv.ValueCount; ord++)
            {
                dv.LookupOrd(ord, bytes);
                if (!bytes.Utf8ToString().StartsWith(prefix, StringComparison.Ordinal)) break;
                ordinals.Add(ord);
            }
        }
        return ordinals;
    }
}
