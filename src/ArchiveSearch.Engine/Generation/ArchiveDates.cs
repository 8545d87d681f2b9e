namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// Dates from 2018-01-01 to 2025-12-31 with a density rising linearly over the span, so the last year
/// holds about three times as many articles as the first.
/// </summary>
internal static class ArchiveDates
{
    public static readonly DateOnly First = new(2018, 1, 1);
    public static readonly DateOnly Last = new(2025, 12, 31);
    public static readonly int DayCount = Last.DayNumber - First.DayNumber + 1;

    // Density ∝ 1 + Slope·t on t ∈ [0, 1]; inverse of the CDF (t + Slope·t²/2) / (1 + Slope/2).
    private const double Slope = 3.0;

    /// <summary>A day offset from <see cref="First"/>.</summary>
    public static int SampleDay(ArticleRandom random)
    {
        var u = random.NextDouble();
        var a = Slope / 2;
        var t = (-1 + Math.Sqrt(1 + 4 * a * u * (1 + a))) / (2 * a);
        return Math.Clamp((int)(t * DayCount), 0, DayCount - 1);
    }

    public static DateOnly Day(int offset) => First.AddDays(offset);
}
