using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>
/// In-memory copies of a segment's doc values, loaded once per segment and shared by every search over it.
/// Lucene.Net reads doc values from the memory-mapped file a value at a time, which made sorting and facet counting
/// over every match the largest cost of a search; a segment never changes, so its columns never go stale, and they go
/// with the segment when a merge or rebuild drops it.
/// </summary>
internal static class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, object>> Cache = new();

    /// <summary>The value a numeric column holds for a document without one (it sorts last in a descending sort).</summary>
    public const long Missing = long.MinValue;

    /// <summary>The field's value per document, <see cref="Missing"/> where a document has none.</summary>
    public static long[] Numeric(AtomicReader reader, string field) =>
        (long[])Columns(reader).GetOrAdd(field, _ => LoadNumeric(reader, field));

    /// <summary>The field's ordinals per document, with each ordinal's value resolved to a string.</summary>
    public static OrdinalColumn Ordinals(AtomicReader reader, string field) =>
        (OrdinalColumn)Columns(reader).GetOrAdd(field, _ => LoadOrdinals(reader, field));

    /// <summary>Loads the columns searches use, so the first search after a commit does not pay for them.</summary>
    /// <param name="onEveryCore">
    /// Only for an index's first searcher, which nothing searches yet (at start-up, 1M articles take about a second on
    /// one core). A reindex's commits load on the caller's thread: loading on the thread pool there starved the searches
    /// running beside it (tested by ReindexUnderLoadTests).
    /// </param>
    public static void WarmUp(IndexReader reader, bool onEveryCore = false)
    {
        var loads = new List<Action>();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            // The oldest-first column derives from this one: load it first.
            loads.Add(() =>
            {
                Numeric(segment, IndexSchema.SortTime);
                Numeric(segment, IndexSchema.SortTimeOldestFirst);
            });
            loads.Add(() => Numeric(segment, IndexSchema.Day));
            loads.Add(() => Ordinals(segment, IndexSchema.HashtagFacet));
            loads.Add(() => Ordinals(segment, IndexSchema.SourceFacet));
            loads.Add(() => Ordinals(segment, IndexSchema.TypeFacet));
        }
        if (onEveryCore) Parallel.ForEach(loads, load => load());
        else foreach (var load in loads) load();
        // The facets' value numbers and day range across segments, which the first search with facets would otherwise compute.
        foreach (var field in new[] { IndexSchema.HashtagFacet, IndexSchema.SourceFacet, IndexSchema.TypeFacet }) FacetValueMap.For(reader, field);
        DayRange.Of(reader);
        ColumnFiles.RemoveStale(reader);
    }

    private static ConcurrentDictionary<string, object> Columns(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal));

    private static long[] LoadNumeric(AtomicReader reader, string field)
    {
        // Every document stores both sort keys, the oldest-first one as the newest-first one negated
        // (ArticleDocumentMapper): deriving it halves the sort keys' loading, a quarter second at 1M articles.
        if (field == IndexSchema.SortTimeOldestFirst) return OldestFirst(Numeric(reader, IndexSchema.SortTime));
        var file = ColumnFiles.For(reader, field);
        if (ColumnFiles.ReadNumeric(file) is { } saved) return saved;
        var column = DecodeNumeric(reader, field);
        ColumnFiles.WriteNumeric(file, column);
        return column;
    }

    private static OrdinalColumn LoadOrdinals(AtomicReader reader, string field)
    {
        var file = ColumnFiles.For(reader, field);
        if (ColumnFiles.ReadOrdinals(file) is { } saved) return saved;
        var column = OrdinalColumn.Load(reader, field);
        ColumnFiles.WriteOrdinals(file, column);
        return column;
    }

    /// <summary>The field's values decoded from the segment's doc values, one document at a time.</summary>
    internal static long[] DecodeNumeric(AtomicReader reader, string field)
    {
        var column = new long[reader.MaxDoc];
        var values = reader.GetNumericDocValues(field);
        var present = reader.GetDocsWithField(field);
        if (values is null || present is null)
        {
            Array.Fill(column, Missing);
            return column;
        }
        if (present is Bits.MatchAllBits)
        {
            for (var doc = 0; doc < column.Length; doc++) column[doc] = values.Get(doc);
            return column;
        }
        for (var doc = 0; doc < column.Length; doc++) column[doc] = present.Get(doc) ? values.Get(doc) : Missing;
        return column;
    }

    private static long[] OldestFirst(long[] newestFirst)
    {
        var column = new long[newestFirst.Length];
        for (var doc = 0; doc < column.Length; doc++)
        {
            var time = newestFirst[doc];
            column[doc] = time == Missing ? Missing : -time;
        }
        return column;
    }
}
