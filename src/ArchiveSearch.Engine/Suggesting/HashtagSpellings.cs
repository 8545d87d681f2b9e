using System.Runtime.CompilerServices;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>
/// How each hashtag key is spelled, with how many documents use each spelling: read from a segment's hashtag facet
/// column once per segment (segments never change; the table goes with its segment) and added up over a reader's
/// segments, so a suggestion shows the spelling most articles use, as the hashtag facet does.
/// </summary>
internal static class HashtagSpellings
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, (string Display, int Count)[]>> Cache = new();

    /// <summary>The spelling most documents use (ties: the ordinal first); the key itself when no segment has it.</summary>
    public static string Display(IndexReader reader, string key)
    {
        string? best = null;
        var bestCount = 0;
        Dictionary<string, int>? tally = null;
        foreach (var leaf in reader.Leaves)
        {
            if (!Of(leaf.AtomicReader).TryGetValue(key, out var spellings)) continue;
            foreach (var (display, count) in spellings)
            {
                tally ??= new Dictionary<string, int>(StringComparer.Ordinal);
                var total = tally[display] = tally.GetValueOrDefault(display) + count;
                if (total > bestCount || (total == bestCount && string.CompareOrdinal(display, best) < 0)) (best, bestCount) = (display, total);
            }
        }
        return best ?? key;
    }

    private static Dictionary<string, (string Display, int Count)[]> Of(AtomicReader segment) =>
        Cache.GetValue(segment.CoreCacheKey, _ => Read(segment));

    private static Dictionary<string, (string Display, int Count)[]> Read(AtomicReader segment)
    {
        var column = SegmentColumns.Ordinals(segment, IndexSchema.HashtagFacet);
        var (_, ords, _) = column.Parts;
        var counts = new int[column.Values.Count];
        foreach (var ord in ords) counts[ord]++;
        var labels = column.Labels;
        return Enumerable.Range(0, counts.Length)
            .GroupBy(ord => labels[ord].Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(ord => (labels[ord].Display, counts[ord])).ToArray(), StringComparer.Ordinal);
    }
}
