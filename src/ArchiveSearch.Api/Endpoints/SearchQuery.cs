using System.ComponentModel;
using ArchiveSearch.Engine.Searching;
using Microsoft.AspNetCore.Mvc;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>The query string of <c>GET /api/search</c>.</summary>
public sealed record SearchQuery(
    [property: FromQuery(Name = "q"), Description("Words in Chinese or English, \"quoted phrases\", -excluded, title:/hashtag:/source: scoping. Empty: browse everything, newest first. At most 1,000 characters.")]
    string? Q,
    [property: FromQuery(Name = "prefix"), Description("last: the last word, unless a space follows it, also matches the words it begins (Anthro → Anthropic), ranked below the word itself; what the search page sends while typing. none (default).")]
    string? Prefix,
    [property: FromQuery(Name = "hashtag"), Description("Only articles with any of these hashtags (repeatable; case-insensitive).")]
    string[]? Hashtag,
    [property: FromQuery(Name = "source"), Description("Only articles from any of these sources (repeatable).")]
    string[]? Source,
    [property: FromQuery(Name = "type"), Description("Only articles of any of these types (repeatable).")]
    string[]? Type,
    [property: FromQuery(Name = "from"), Description("First day, inclusive, yyyy-MM-dd.")]
    string? From,
    [property: FromQuery(Name = "to"), Description("Last day, inclusive, yyyy-MM-dd.")]
    string? To,
    [property: FromQuery(Name = "sort"), Description("relevance (default with a query) | newest (default without) | oldest")]
    string? Sort,
    [property: FromQuery(Name = "page"), Description("Page number from 1; page × size at most 10,000.")]
    int? Page,
    [property: FromQuery(Name = "size"), Description("Hits per page, 1–100, default 10.")]
    int? Size,
    [property: FromQuery(Name = "facetSize"), Description("Values per keyword facet, most frequent first, default 20.")]
    int? FacetSize,
    [property: FromQuery(Name = "dateInterval"), Description("Date histogram buckets: day | month (default) | year.")]
    string? DateInterval,
    [property: FromQuery(Name = "cursor"), Description("The nextCursor of the previous response: the following page, at any depth (instead of page).")]
    string? Cursor)
{
    public SearchRequest ToRequest() => new()
    {
        Query = Q,
        PrefixLast = SearchParameters.ParsePrefix(Prefix),
        Hashtags = Hashtag ?? [],
        Sources = Source ?? [],
        Types = Type ?? [],
        From = SearchParameters.ParseDate("from", From),
        To = SearchParameters.ParseDate("to", To),
        Sort = SearchParameters.ParseSort(Sort),
        Page = Page ?? 1,
        Size = Size ?? 10,
        FacetSize = FacetSize ?? 20,
        DateInterval = SearchParameters.ParseDateInterval(DateInterval),
        Cursor = string.IsNullOrEmpty(Cursor) ? null : Cursor,
    };
}
