using ArchiveSearch.Engine.Facets;

namespace ArchiveSearch.Engine.Searching;

public sealed record SearchResponse(
    int Total,
    int Page,
    int Size,
    double TookMs,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets)
{
    /// <summary>True when the search hit its time budget: hits, total and facets cover only the documents seen by then.</summary>
    public bool Partial { get; init; }

    /// <summary>Pass as <see cref="SearchRequest.Cursor"/> to get the next page, at any depth; null after a short page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>
    /// Words of the query, as typed, that no result contains (the results match the rest of the query); empty when every
    /// word is in some result, or when no result has any of them. A stop word typed beside other words is never listed.
    /// </summary>
    public IReadOnlyList<string> MissingWords { get; init; } = [];

    /// <summary>
    /// Words of the query, in the order typed, that were not searched: a query with more distinct words than a search
    /// scores (a pasted paragraph) is searched by its first ones. Empty for any query within the limit.
    /// </summary>
    public IReadOnlyList<string> UnsearchedWords { get; init; } = [];
}

public sealed record SearchHit(
    string Id,
    float? Score,
    string Title,
    string? Url,
    string? Source,
    string? Type,
    DateTimeOffset? SavedAt,
    DateOnly? Date,
    IReadOnlyList<string> Hashtags,
    HitHighlights Highlights);

/// <summary>HTML: matches in &lt;mark&gt;, everything else escaped. <see cref="SnippetField"/> says where the snippet came from.</summary>
public sealed record HitHighlights(string Title, string Snippet, string SnippetField);

public sealed record SearchFacets(
    IReadOnlyList<FacetBucket> Hashtags,
    IReadOnlyList<FacetBucket> Sources,
    IReadOnlyList<FacetBucket> Types,
    IReadOnlyList<DateBucket> Dates);
