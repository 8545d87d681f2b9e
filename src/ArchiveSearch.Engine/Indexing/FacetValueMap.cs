using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// A keyword facet's values numbered across all the segments of one reader, and each segment's ordinals mapped to those
/// numbers: a search counts straight into one array, where per-segment counts had to be merged through a dictionary of
/// strings (the largest allocation of a broad query). Built once per reader; a commit's new reader builds its own.
/// </summary>
internal sealed class FacetValueMap
{
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, FacetValueMap>> Cache = new();

    private readonly int[][] segmentValues;
    private readonly Dictionary<string, int> keyNumbers;

    private FacetValueMap(IndexReader reader, string field)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<FacetLabel>();
        var keyOf = new List<int>();
        keyNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        segmentValues = new int[reader.Leaves.Count][];
        foreach (var leaf in reader.Leaves)
        {
            var column = SegmentColumns.Ordinals(leaf.AtomicReader, field);
            var map = new int[column.Values.Count];
            for (var ord = 0; ord < map.Length; ord++)
            {
                var value = column.Values[ord];
                if (!numbers.TryGetValue(value, out var number))
                {
                    number = labels.Count;
                    numbers[value] = number;
                    var label = column.Labels[ord];
                    labels.Add(label);
                    if (!keyNumbers.TryGetValue(label.Key, out var key)) keyNumbers[label.Key] = key = keyNumbers.Count;
                    keyOf.Add(key);
                }
                map[ord] = number;
            }
            segmentValues[leaf.Ord] = map;
        }
        Labels = [.. labels];
        KeyOf = [.. keyOf];
    }

    public static FacetValueMap For(IndexReader reader, string field) =>
        Cache.GetValue(reader, _ => new ConcurrentDictionary<string, FacetValueMap>(StringComparer.Ordinal)).GetOrAdd(field, f => new FacetValueMap(reader, f));

    /// <summary>Each value's key and spelling, by number: numbered in the order the segments (then their ordinals) hold them.</summary>
    public FacetLabel[] Labels { get; }

    /// <summary>Each value's key, as a number below <see cref="KeyCount"/>.</summary>
    public int[] KeyOf { get; }

    public int KeyCount => keyNumbers.Count;

    /// <summary>The segment's ordinals as value numbers.</summary>
    public int[] ValuesOf(int leafOrd) => segmentValues[leafOrd];

    /// <summary>The key's number, or −1 when no article has it.</summary>
    public int KeyNumber(string key) => keyNumbers.TryGetValue(key, out var number) ? number : -1;
}
