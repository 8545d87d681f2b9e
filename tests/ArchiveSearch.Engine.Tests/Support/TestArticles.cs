using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Support;

/// <summary>Builds articles inline, with only the fields a test cares about.</summary>
internal static class TestArticles
{
    public static Article Make(
        string id,
        string title,
        string ai = "",
        string original = "",
        string[]? tags = null,
        string? source = "微博",
        string? type = "微博",
        string? saved = null,
        string? dirDate = null) => new()
    {
        Id = id,
        RelativePath = $"{id}.txt",
        Title = title,
        AiSummary = ai,
        OriginalText = original,
        OriginalHtml = original,
        Hashtags = (tags ?? []).Select(t => Hashtag.Create(t)!).ToList(),
        Source = source,
        Type = type,
        SavedAt = saved is null ? null : DateTimeOffset.Parse(saved, System.Globalization.CultureInfo.InvariantCulture),
        DirectoryDate = dirDate is null ? null : DateOnly.Parse(dirDate, System.Globalization.CultureInfo.InvariantCulture),
        ContentHash = id,
    };
}
