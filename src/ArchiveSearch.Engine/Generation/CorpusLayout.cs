using System.Globalization;

namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// Where each article goes: its date (drawn from its own generator, stream <see cref="DateStream"/>), its
/// per-folder sequence number (articles of the same day numbered in index order) and its id (a bijective
/// mix of the seed and index, so ids are unique lowercase hex). Relative path: <c>YYYY-MM-DD/NNN_&lt;id&gt;.txt</c>.
/// </summary>
internal sealed class CorpusLayout
{
    public const int DateStream = 1;
    private readonly long _seed;
    private readonly ushort[] _days;
    private readonly int[] _sequence;

    public CorpusLayout(long seed, int count)
    {
        _seed = seed;
        _days = new ushort[count];
        _sequence = new int[count];
        Parallel.For(0, count, i => _days[i] = (ushort)ArchiveDates.SampleDay(new ArticleRandom(seed, i, DateStream)));
        var perDay = new int[ArchiveDates.DayCount];
        for (var i = 0; i < count; i++) _sequence[i] = perDay[_days[i]]++;
        UsedDays = [.. Enumerable.Range(0, perDay.Length).Where(d => perDay[d] > 0).Select(ArchiveDates.Day)];
    }

    public int Count => _days.Length;

    /// <summary>The days that hold at least one article, oldest first.</summary>
    public IReadOnlyList<DateOnly> UsedDays { get; }

    public DateOnly Date(int index) => ArchiveDates.Day(_days[index]);

    public string Id(int index) => (ArticleRandom.Mix(ArticleRandom.Mix((ulong)_seed ^ 0xA5A5_5A5A_0F0F_F0F0) + (ulong)index)).ToString("x16", CultureInfo.InvariantCulture);

    public static string Folder(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string RelativePath(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Folder(Date(index))}/{_sequence[index]:000}_{Id(index)}.txt");
}
