namespace ArchiveSearch.Api.Tests.Support;

// The API's JSON as the tests read it (System.Text.Json web defaults). CamelCase itself is pinned by
// SearchEndpointTests on the raw document, since web defaults would also accept PascalCase.

public sealed record SearchResult(int Total, int Page, int Size, double TookMs, Hit[] Hits, Facets Facets)
{
    public string[] Ids => [.. Hits.Select(h => h.Id)];

    public string[] MissingWords { get; init; } = [];

    public string[] UnsearchedWords { get; init; } = [];
}

public sealed record Hit(
    string Id, float? Score, string Title, string? Url, string? Source, string? Type,
    DateTimeOffset? SavedAt, DateOnly? Date, string[] Hashtags, Highlights Highlights);

public sealed record Highlights(string Title, string Snippet, string SnippetField);

public sealed record Facets(Bucket[] Hashtags, Bucket[] Sources, Bucket[] Types, DateBucket[] Dates);

public sealed record Bucket(string Value, int Count);

public sealed record DateBucket(string Value, DateOnly From, DateOnly To, int Count);

public sealed record Problem(int Status, string Title, string Detail, string Code, string? Parameter);
