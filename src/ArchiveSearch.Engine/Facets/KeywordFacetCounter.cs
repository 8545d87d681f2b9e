using System.Buffers;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Facets;

/// <summary>
/// Counts one keyword facet (hashtags, sources or types) from the per-segment ordinals of its SortedSet doc values, into
/// the reader's value numbers (<see cref="FacetValueMap"/>), and answers whether a document passes this facet's own filter.
/// </summary>
/// <param name="selected">The filter's values: key → the spelling the user gave.</param>
internal sealed class KeywordFacetCounter(IndexReader reader, string field, IReadOnlyDictionary<string, string> selected)
{
    private readonly FacetValueMap values = FacetValueMap.For(reader, field);
    private int[]? counts;
    private int[]? segmentCounts;
    private OrdinalColumn? column;
    private int[] segmentValues = [];
    private bool[] selectedOrdinals = [];
    private int loadedDoc = -1;

    public bool IsFiltering => selected.Count > 0;

    public void SetSegment(AtomicReaderContext context)
    {
        FoldSegment();
        column = SegmentColumns.Ordinals(context.AtomicReader, field);
        segmentValues = values.ValuesOf(context.Ord);
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

    public void CountLoaded() => Count(loadedDoc);

    /// <summary>Counts the document's values, whatever the filter.</summary>
    public void Count(int doc)
    {
        // Counted by the segment's ordinals, folded into the reader's value numbers once per segment: one look-up per
        // value the segment has instead of one per value a document has. Rented on the first count; Top returns it.
        segmentCounts ??= Rent(column!.Values.Count);
        foreach (var ord in column!.Of(doc)) segmentCounts[ord]++;
    }

    /// <summary>Adds another counter's counts of the same facet over the same reader (the other part of a split search) to these.</summary>
    public void Add(KeywordFacetCounter other)
    {
        FoldSegment();
        other.FoldSegment();
        if (other.counts is not { } theirs) return;
        if (counts is null)
        {
            counts = theirs;
        }
        else
        {
            for (var value = 0; value < values.Labels.Length; value++) counts[value] += theirs[value];
            ArrayPool<int>.Shared.Return(theirs);
        }
        other.counts = null;
    }

    private void FoldSegment()
    {
        if (segmentCounts is null) return;
        counts ??= Rent(values.Labels.Length);
        for (var ord = 0; ord < column!.Values.Count; ord++)
        {
            if (segmentCounts[ord] != 0) counts[segmentValues[ord]] += segmentCounts[ord];
        }
        ArrayPool<int>.Shared.Return(segmentCounts);
        segmentCounts = null;
    }

    /// <summary>
    /// The most frequent values first (ties by value); selected values are always listed so a user can untick them. A
    /// key spelled differently in different articles shows its most common spelling (on a tie, the first numbered).
    /// </summary>
    public IReadOnlyList<FacetBucket> Top(int size)
    {
        FoldSegment();
        var keyTotals = Rent(values.KeyCount);
        var spellings = ArrayPool<int>.Shared.Rent(Math.Max(1, values.KeyCount));
        try
        {
            if (counts is not null)
            {
                for (var value = 0; value < values.Labels.Length; value++)
                {
                    var count = counts[value];
                    if (count == 0) continue;
                    var key = values.KeyOf[value];
                    if (keyTotals[key] == 0 || count > counts[spellings[key]]) spellings[key] = value;
                    keyTotals[key] += count;
                }
            }
            var top = MostFrequent(keyTotals, spellings, size);
            foreach (var (key, spelling) in selected)
            {
                if (top.Any(b => b.Key == key)) continue;
                var number = values.KeyNumber(key);
                top.Add((key, number >= 0 && keyTotals[number] > 0
                    ? new FacetBucket(values.Labels[spellings[number]].Display, keyTotals[number])
                    : new FacetBucket(spelling, 0)));
            }
            return top.Select(b => b.Bucket).ToList();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(keyTotals);
            ArrayPool<int>.Shared.Return(spellings);
            if (counts is not null) ArrayPool<int>.Shared.Return(counts);
            counts = null;
        }
    }

    /// <summary>
    /// The <paramref name="size"/> keys with the highest totals, ties by spelling, in that order: a bounded heap, since a
    /// broad query meets thousands of hashtags and only the first 20 are shown.
    /// </summary>
    private List<(string Key, FacetBucket Bucket)> MostFrequent(int[] keyTotals, int[] spellings, int size)
    {
        var worstFirst = new PriorityQueue<int, (int Count, string Display)>(Comparer<(int Count, string Display)>.Create(CompareBetter));
        for (var key = 0; key < values.KeyCount; key++)
        {
            if (keyTotals[key] == 0) continue;
            var entry = (keyTotals[key], values.Labels[spellings[key]].Display);
            if (worstFirst.Count < size) worstFirst.Enqueue(key, entry);
            else if (size > 0 && worstFirst.TryPeek(out _, out var worst) && CompareBetter(entry, worst) > 0) worstFirst.EnqueueDequeue(key, entry);
        }
        var top = new List<(string Key, FacetBucket Bucket)>(worstFirst.Count);
        while (worstFirst.TryDequeue(out var key, out var entry))
        {
            top.Add((values.Labels[spellings[key]].Key, new FacetBucket(entry.Display, entry.Count)));
        }
        top.Reverse();
        return top;
    }

    /// <summary>Positive when <paramref name="a"/> ranks before <paramref name="b"/>: a higher count, or the same count and a smaller value.</summary>
    private static int CompareBetter((int Count, string Display) a, (int Count, string Display) b) =>
        a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(b.Display, a.Display);

    private static int[] Rent(int length)
    {
        var array = ArrayPool<int>.Shared.Rent(Math.Max(1, length));
        Array.Clear(array, 0, length);
        return array;
    }

    private bool[] SelectedOrdinals(OrdinalColumn segment)
    {
        var labels = segment.Labels;
        var flags = new bool[labels.Count];
        for (var ord = 0; ord < flags.Length; ord++) flags[ord] = selected.ContainsKey(labels[ord].Key);
        return flags;
    }
}
