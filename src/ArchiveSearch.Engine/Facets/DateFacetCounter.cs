using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Facets;

/// <summary>
/// Counts articles per day from the <see cref="IndexSchema.Day"/> doc values and folds the days into
/// a gap-free histogram; also applies the from/to filter. Articles without a date pass no date filter
/// and appear in no bucket.
/// </summary>
internal sealed class DateFacetCounter(IndexReader reader, DateOnly? from, DateOnly? to)
{
    private const long NoDay = SegmentColumns.Missing;

    /// <summary>
    /// Up to this many days from the index's first date to its last (179 years), days are counted in a pooled array;
    /// an archive with a date centuries off counts them in a dictionary.
    /// </summary>
    private const long MaxArrayDays = 1 << 16;

    private readonly DayRange range = DayRange.Of(reader);
    private int[]? perDayArray;
    private Dictionary<int, int>? perDayMap;
    private readonly long first = from?.DayNumber ?? long.MinValue + 1;
    private readonly long last = to?.DayNumber ?? long.MaxValue;
    private long[] days = [];
    private long loadedDay = NoDay;

    public bool IsFiltering => from is not null || to is not null;

    public void SetSegment(AtomicReader reader) => days = SegmentColumns.Numeric(reader, IndexSchema.Day);

    public bool Load(int doc)
    {
        loadedDay = days[doc];
        if (loadedDay == NoDay) return !IsFiltering;
        return loadedDay >= first && loadedDay <= last;
    }

    public void CountLoaded() => CountDay(loadedDay);

    /// <summary>Counts the document's day, whatever the filter.</summary>
    public void Count(int doc) => CountDay(days[doc]);

    private void CountDay(long day)
    {
        if (day == NoDay) return;
        if (range.Length <= MaxArrayDays)
        {
            if (perDayArray is null)
            {
                perDayArray = ArrayPool<int>.Shared.Rent((int)range.Length);
                Array.Clear(perDayArray, 0, (int)range.Length);
            }
            perDayArray[day - range.First]++;
        }
        else
        {
            CollectionsMarshal.GetValueRefOrAddDefault(perDayMap ??= [], (int)day, out _)++;
        }
    }

    /// <summary>Adds another counter's days over the same reader (the other part of a split search) to these.</summary>
    public void Add(DateFacetCounter other)
    {
        if (other.perDayArray is { } theirs)
        {
            if (perDayArray is null)
            {
                perDayArray = theirs;
            }
            else
            {
                for (var i = 0; i < range.Length; i++) perDayArray[i] += theirs[i];
                ArrayPool<int>.Shared.Return(theirs);
            }
            other.perDayArray = null;
        }
        if (other.perDayMap is { } map)
        {
            foreach (var (day, count) in map) CollectionsMarshal.GetValueRefOrAddDefault(perDayMap ??= [], day, out _) += count;
            other.perDayMap = null;
        }
    }

    /// <summary>Buckets in chronological order from the first to the last non-empty one, empty ones in between included.</summary>
    public IReadOnlyList<DateBucket> Histogram(DateInterval interval)
    {
        var buckets = new List<DateBucket>();
        DateOnly? current = null;
        var count = 0;
        foreach (var (day, dayCount) in CountedDays())
        {
            var start = BucketStart(DateOnly.FromDayNumber(day), interval);
            if (current == start)
            {
                count += dayCount;
                continue;
            }
            if (current is { } open)
            {
                buckets.Add(Bucket(open, interval, count));
                // The empty buckets between two non-empty ones.
                for (var empty = Next(open, interval); empty is { } e && e < start; empty = Next(e, interval)) buckets.Add(Bucket(e, interval, 0));
            }
            current = start;
            count = dayCount;
        }
        if (current is { } lastOpen) buckets.Add(Bucket(lastOpen, interval, count));
        if (perDayArray is not null) ArrayPool<int>.Shared.Return(perDayArray);
        perDayArray = null;
        return buckets;
    }

    /// <summary>The days counted, in chronological order, with their counts.</summary>
    private IEnumerable<(int Day, int Count)> CountedDays()
    {
        if (perDayArray is { } counted)
        {
            for (var i = 0; i < range.Length; i++)
            {
                if (counted[i] > 0) yield return ((int)(range.First + i), counted[i]);
            }
        }
        else if (perDayMap is { } map)
        {
            foreach (var day in map.Keys.Order()) yield return (day, map[day]);
        }
    }

    private static DateBucket Bucket(DateOnly start, DateInterval interval, int count) =>
        new(Label(start, interval), start, Next(start, interval)?.AddDays(-1) ?? DateOnly.MaxValue, count);

    private static DateOnly BucketStart(DateOnly date, DateInterval interval) => interval switch
    {
        DateInterval.Day => date,
        DateInterval.Month => new DateOnly(date.Year, date.Month, 1),
        _ => new DateOnly(date.Year, 1, 1),
    };

    /// <summary>The next bucket's first day, or null past <see cref="DateOnly.MaxValue"/>.</summary>
    private static DateOnly? Next(DateOnly start, DateInterval interval)
    {
        var lastDay = DateOnly.MaxValue;
        return interval switch
        {
            DateInterval.Day => start < lastDay ? start.AddDays(1) : null,
            DateInterval.Month => start.Year < lastDay.Year || start.Month < 12 ? start.AddMonths(1) : null,
            _ => start.Year < lastDay.Year ? start.AddYears(1) : null,
        };
    }

    private static string Label(DateOnly start, DateInterval interval) => interval switch
    {
        DateInterval.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateInterval.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy", CultureInfo.InvariantCulture),
    };
}
