namespace ArchiveSearch.Engine.Related;

/// <summary>An article like the one asked about, as a search hit shows it (without highlights).</summary>
/// <param name="NearDuplicate">The same article saved again, from another source (see <see cref="NearDuplicates"/>).</param>
public sealed record RelatedArticle(
    string Id,
    float Score,
    string Title,
    string? Url,
    string? Source,
    string? Type,
    DateTimeOffset? SavedAt,
    DateOnly? Date,
    IReadOnlyList<string> Hashtags,
    bool NearDuplicate);

/// <summary>The articles most like <see cref="Id"/>, most alike first; never the article itself.</summary>
public sealed record RelatedResponse(string Id, IReadOnlyList<RelatedArticle> Articles, double TookMs);
