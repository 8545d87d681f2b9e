using System.Globalization;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Facets;

namespace ArchiveSearch.Engine.Searching;

/// <summary>Reads the textual forms of search parameters shared by the API and the CLI.</summary>
public static class SearchParameters
{
    public static SearchSort? ParseSort(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        "oldest" => SearchSort.Oldest,
        _ => throw new InvalidSearchRequestException("sort", $"sort must be relevance, newest or oldest, not '{Truncate(value)}'."),
    };

    public static DateInterval ParseDateInterval(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "month" => DateInterval.Month,
        "day" => DateInterval.Day,
        "year" => DateInterval.Year,
        _ => throw new InvalidSearchRequestException("dateInterval", $"dateInterval must be day, month or year, not '{Truncate(value)}'."),
    };

    /// <summary>Whether the last word is read as a prefix: <c>last</c> (as the search page sends while typing) or <c>none</c> (default).</summary>
    public static bool ParsePrefix(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => false,
        "last" => true,
        _ => throw new InvalidSearchRequestException("prefix", $"prefix must be last or none, not '{Truncate(value)}'."),
    };

    /// <summary>A calendar date written exactly as yyyy-MM-dd.</summary>
    public static DateOnly? ParseDate(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new InvalidSearchRequestException(parameter, $"{parameter} must be a date written yyyy-MM-dd, not '{Truncate(value)}'.");
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
