using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>The first and last article day (a <see cref="DateOnly.DayNumber"/>) of one reader's segments, computed once per reader.</summary>
internal sealed class DayRange
{
    private static readonly ConditionalWeakTable<IndexReader, DayRange> Cache = new();

    private DayRange(IndexReader reader)
    {
        var first = long.MaxValue;
        var last = long.MinValue;
        foreach (var leaf in reader.Leaves)
        {
            foreach (var day in SegmentColumns.Numeric(leaf.AtomicReader, IndexSchema.Day))
            {
                if (day == SegmentColumns.Missing) continue;
                first = Math.Min(first, day);
                last = Math.Max(last, day);
            }
        }
        First = first;
        Last = last;
    }

    public static DayRange Of(IndexReader reader) => Cache.GetValue(reader, r => new DayRange(r));

    public long First { get; }

    public long Last { get; }

    /// <summary>Days from the first to the last, both included; 0 when no article has a date.</summary>
    public long Length => Last < First ? 0 : Last - First + 1;
}
