using System.Globalization;

namespace ArchiveSearch.Api.Hosting;

/// <summary>A time left as a person reads it in a log line: "42 s", "4 min 18 s", "1 h 12 min".</summary>
internal static class Durations
{
    public static string Approximately(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(span.TotalSeconds);
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h {seconds % 3600 / 60} min"),
        };
    }
}
