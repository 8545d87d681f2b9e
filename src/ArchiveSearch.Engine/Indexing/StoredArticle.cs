namespace ArchiveSearch.Engine.Indexing;

/// <summary>An article as the index holds it: what hits and the article endpoint show.</summary>
public sealed record StoredArticle
{
    public required string Id { get; init; }
    public required string RelativePath { get; init; }
    public required string Title { get; init; }
    public string? Url { get; init; }
    public string? Source { get; init; }
    public string? Type { get; init; }
    public DateTimeOffset? SavedAt { get; init; }
    public DateOnly? Date { get; init; }
    public IReadOnlyList<string> Hashtags { get; init; } = [];
    public string AiSummary { get; init; } = "";
    public string OriginalText { get; init; } = "";
    public string OriginalHtml { get; init; } = "";
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = [];
    public string ContentHash { get; init; } = "";
}
