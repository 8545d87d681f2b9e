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
internal sealed class DateFacetCounter(DateOnly? from, DateOnly? to)
{
    private const long NoDay = SegmentColumns.Missing;
    private readonly Dictionary<int, int> perDay = [];
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

    public void CountLoaded()
    {
        if (loadedDay != NoDay) CollectionsMarshal.GetValueRefOrAddDefault(perDay, (int)loadedDay, out _)++;
    }

    /// <summary>Buckets in chronological order from the first to the last non-empty one, empty ones in between included.</summary>
    public IReadOnlyList<DateBucket> Histogram(DateInterval interval)
    {
        if (perDay.Count == 0) return [];
        var counts = new Dictionary<DateOnly, int>();
        foreach (var (day, count) in perDay)
        {
            var start = BucketStart(DateOnly.FromDayNumber(day), interval);
            counts[start] = counts.GetValueOrDefault(start) + count;
        }
        var first = counts.Keys.Min();
        var last = counts.Keys.Max();
        var buckets = new List<DateBucket>();
        for (DateOnly? start = first; start is { } s && s <= last; start = Next(s, interval))
        {
            var end = Next(s, interval)?.AddDays(-1) ?? DateOnly.MaxValue;
            buckets.Add(new DateBucket(Label(s, interval), s, end, counts.GetValueOrDefault(s)));
        }
        return buckets;
    }

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
