using ArchiveSearch.Engine.Facets;

namespace ArchiveSearch.Engine.Searching;

public enum SearchSort { Relevance, Newest, Oldest }

/// <summary>What a user asks for: a query, filters, sort, page and facet options.</summary>
public sealed record SearchRequest
{

    public string? Query { get; init; }
    /// <summary>As the search page sends every keystroke: the last word, unless a space follows it, also matches the words it begins, ranked below the word itself.</summary>
    public bool PrefixLast { get; init; }
    /// <summary>Any of these hashtags (compared case-insensitively, full-width folded).</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    /// <summary>Inclusive.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Inclusive.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Null: relevance when there is a query, newest first when there is none.</summary>
    public SearchSort? Sort { get; init; }
    public int Page { get; init; } = 1;
    public int Size { get; init; } = 10;
    public int FacetSize { get; init; } = 20;
    public DateInterval DateInterval { get; init; } = DateInterval.Month;
    /// <summary>A <see cref="SearchResponse.NextCursor"/>: the page after it, past the offset window. Use with page 1.</summary>
    public string? Cursor { get; init; }
    /// <summary>How long matching and counting may take; past it the response is <see cref="SearchResponse.Partial"/>. Null: no limit.</summary>
    public TimeSpan? TimeBudget { get; init; }
    /// <summary>The limits this request is checked against.</summary>
    public SearchLimits Limits { get; init; } = SearchLimits.Default;
}
