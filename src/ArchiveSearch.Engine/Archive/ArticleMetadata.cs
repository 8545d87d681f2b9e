using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Collects the metadata section: every key in file order, plus the known ones as typed fields.</summary>
internal sealed partial class ArticleMetadata
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;
    public string? Source { get; private set; }
    public string? Type { get; private set; }
    public DateTimeOffset? SavedAt { get; private set; }
    public DateOnly? DirectoryDate { get; private set; }

    /// <summary>The first non-empty value of a known key wins; every date is still checked so a bad one is reported.</summary>
    public void Add(MetadataLine entry, int lineNumber)
    {
        _entries.Add(new(entry.Key, entry.Value));
        if (entry.Value.Length == 0) return;

        switch (entry.Key.ToLowerInvariant())
        {
            case "来源" or "source":
                Source ??= entry.Value;
                break;
            case "类型" or "type":
                Type ??= entry.Value;
                break;
            case "保存时间" or "saved at" or "saved time":
                var saved = ParseSavedAt(entry.Value, lineNumber);
                SavedAt ??= saved;
                break;
            case "目录日期" or "directory date":
                var date = ParseDirectoryDate(entry.Value, lineNumber);
                DirectoryDate ??= date;
                break;
        }
    }

    // DateTimeOffset.TryParse alone accepts a bare time ("12:04") and fills in today's date, which would make
    // the article's date depend on when it was indexed; requiring an ISO date first rules that out.
    // Without an offset the value is UTC, and the result is always normalised to offset zero.
    private static DateTimeOffset ParseSavedAt(string value, int lineNumber)
    {
        if (IsoDatePrefix().IsMatch(value) &&
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var saved))
        {
            return saved;
        }
        throw new ArticleFormatException(
            $"Unparseable saved time '{value}': expected ISO-8601 such as 2025-05-23T12:04:29Z.", lineNumber);
    }

    private static DateOnly ParseDirectoryDate(string value, int lineNumber)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw new ArticleFormatException(
            $"Unparseable directory date '{value}': expected yyyy-MM-dd such as 2025-05-23.", lineNumber);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}")]
    private static partial Regex IsoDatePrefix();
}
