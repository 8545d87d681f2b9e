using System.Runtime.InteropServices;
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
    /// <summary>Each value's label and count over the segments flushed so far, in the order values were first seen.</summary>
    private readonly Dictionary<string, (FacetLabel Label, int Count)> totals = new(StringComparer.Ordinal);
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
        var byKey = new Dictionary<string, (string Display, int DisplayCount, int Total)>(totals.Count, StringComparer.Ordinal);
        foreach (var (label, count) in totals.Values)
        {
            // One key may be spelled differently in different articles: show the most common spelling.
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(byKey, label.Key, out var seen);
            entry = seen
                ? (count > entry.DisplayCount ? label.Display : entry.Display, Math.Max(count, entry.DisplayCount), entry.Total + count)
                : (label.Display, count, count);
        }
        var top = MostFrequent(byKey, size);
        foreach (var (key, spelling) in selected)
        {
            if (top.Any(b => b.Key == key)) continue;
            top.Add((key, byKey.TryGetValue(key, out var found) ? new FacetBucket(found.Display, found.Total) : new FacetBucket(spelling, 0)));
        }
        return top.Select(b => b.Bucket).ToList();
    }

    /// <summary>
    /// The <paramref name="size"/> buckets with the highest counts, ties by value, in that order: a bounded heap, since a
    /// broad query meets thousands of hashtags and only the first 20 are shown (sorting them all was a seventh of its time).
    /// </summary>
    private static List<(string Key, FacetBucket Bucket)> MostFrequent(Dictionary<string, (string Display, int DisplayCount, int Total)> byKey, int size)
    {
        var worstFirst = new PriorityQueue<(string Key, FacetBucket Bucket), FacetBucket>(Comparer<FacetBucket>.Create(CompareBetter));
        foreach (var (key, (display, _, total)) in byKey)
        {
            var bucket = new FacetBucket(display, total);
            if (worstFirst.Count < size) worstFirst.Enqueue((key, bucket), bucket);
            else if (CompareBetter(bucket, worstFirst.Peek().Bucket) > 0) worstFirst.EnqueueDequeue((key, bucket), bucket);
        }
        var top = new List<(string Key, FacetBucket Bucket)>(worstFirst.Count);
        while (worstFirst.Count > 0) top.Add(worstFirst.Dequeue());
        top.Reverse();
        return top;
    }

    /// <summary>Positive when <paramref name="a"/> ranks before <paramref name="b"/>: a higher count, or the same count and a smaller value.</summary>
    private static int CompareBetter(FacetBucket a, FacetBucket b) =>
        a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(b.Value, a.Value);

    private void FlushSegment()
    {
        if (column is null) return;
        var labels = column.Labels;
        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] == 0) continue;
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, column.Values[ord], out var seen);
            entry = (labels[ord], (seen ? entry.Count : 0) + segmentCounts[ord]);
        }
        column = null;
        segmentCounts = [];
    }

    private bool[] SelectedOrdinals(OrdinalColumn segment)
    {
        var labels = segment.Labels;
        var flags = new bool[labels.Count];
        for (var ord = 0; ord < flags.Length; ord++) flags[ord] = selected.ContainsKey(labels[ord].Key);
        return flags;
    }
}
