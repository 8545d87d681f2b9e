using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

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
        (OrdinalColumn)Columns(reader).GetOrAdd(field, _ => OrdinalColumn.Load(reader, field));

    /// <summary>Loads the columns searches use, so the first search after a commit does not pay for them.</summary>
    public static void WarmUp(IndexReader reader)
    {
        // One after another on the caller's thread: it runs in every commit of a reindex, and loading on the thread
        // pool there starved the searches running beside it (tested by ReindexUnderLoadTests).
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            Numeric(segment, IndexSchema.SortTime);
            Numeric(segment, IndexSchema.SortTimeOldestFirst);
            Numeric(segment, IndexSchema.Day);
            Ordinals(segment, IndexSchema.HashtagFacet);
            Ordinals(segment, IndexSchema.SourceFacet);
            Ordinals(segment, IndexSchema.TypeFacet);
        }
    }

    private static ConcurrentDictionary<string, object> Columns(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal));

    private static long[] LoadNumeric(AtomicReader reader, string field)
    {
        var column = new long[reader.MaxDoc];
        var values = reader.GetNumericDocValues(field);
        var present = reader.GetDocsWithField(field);
        for (var doc = 0; doc < column.Length; doc++)
        {
            column[doc] = values is not null && present is not null && present.Get(doc) ? values.Get(doc) : Missing;
        }
        return column;
    }
}
