using ArchiveSearch.Engine.Errors;

namespace ArchiveSearch.Engine.Searching;

/// <summary>Checks a request's ranges before any work; every failure names the parameter.</summary>
public static class SearchRequestValidator
{
    public static void Validate(SearchRequest request)
    {
        if (request.Query is { Length: > SearchRequest.MaxQueryLength })
            Fail("q", $"q is {request.Query.Length} characters long; at most {SearchRequest.MaxQueryLength} are allowed.");
        if (request.Page < 1) Fail("page", "page starts at 1.");
        if (request.Size is < 1 or > SearchRequest.MaxPageSize) Fail("size", $"size must be between 1 and {SearchRequest.MaxPageSize}.");
        if (request.Cursor is not null && request.Page != 1) Fail("cursor", "cursor continues from its own position: use it without page.");
        if ((long)request.Page * request.Size > SearchRequest.MaxResultWindow)
            Fail("page", $"page × size may not exceed {SearchRequest.MaxResultWindow}; go deeper with the cursor each response returns.");
        if (request.FacetSize is < 1 or > SearchRequest.MaxFacetSize) Fail("facetSize", $"facetSize must be between 1 and {SearchRequest.MaxFacetSize}.");
        if (request.From is { } from && request.To is { } to && from > to) Fail("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        CheckValues("hashtag", request.Hashtags);
        CheckValues("source", request.Sources);
        CheckValues("type", request.Types);
    }

    private static void CheckValues(string parameter, IReadOnlyList<string> values)
    {
        if (values.Count > SearchRequest.MaxFilterValues) Fail(parameter, $"at most {SearchRequest.MaxFilterValues} {parameter} values may be given.");
        foreach (var value in values)
        {
            if (value.Length > 200) Fail(parameter, $"a {parameter} value may be at most 200 characters long.");
        }
    }

    private static void Fail(string parameter, string message) => throw new InvalidSearchRequestException(parameter, message);
}
