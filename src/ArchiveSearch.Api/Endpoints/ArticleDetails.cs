using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>The whole article: a hit's fields plus its texts and every metadata key.</summary>
public sealed record ArticleDetails(
    string Id,
    string Title,
    string? Url,
    string? Source,
    string? Type,
    DateTimeOffset? SavedAt,
    DateOnly? Date,
    IReadOnlyList<string> Hashtags,
    string AiSummary,
    string OriginalHtml,
    string OriginalText,
    IReadOnlyDictionary<string, string> Metadata,
    string Path)
{
    public static ArticleDetails From(StoredArticle a)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in a.Metadata) metadata.TryAdd(key, value);
        return new(a.Id, a.Title, a.Url, a.Source, a.Type, a.SavedAt, a.Date, a.Hashtags, a.AiSummary, a.OriginalHtml, a.OriginalText, metadata, a.RelativePath);
    }
}
