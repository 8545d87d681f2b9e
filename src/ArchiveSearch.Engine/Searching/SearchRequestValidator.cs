using ArchiveSearch.Engine.Errors;

namespace ArchiveSearch.Engine.Searching;

/// <summary>Checks a request's ranges before any work; every failure names the parameter.</summary>
public static class SearchRequestValidator
{
    public static void Validate(SearchRequest request)
    {
        var limits = request.Limits;
        if (request.Query is { } query && query.Length > limits.MaxQueryLength)
            Fail("q", $"q is {request.Query.Length} characters long; at most {limits.MaxQueryLength} are allowed.");
        if (request.Page < 1) Fail("page", "page starts at 1.");
        if (request.Size < 1 || request.Size > limits.MaxPageSize) Fail("size", $"size must be between 1 and {limits.MaxPageSize}.");
        if (request.Cursor is not null && request.Page != 1) Fail("cursor", "cursor continues from its own position: use it without page.");
        if ((long)request.Page * request.Size > limits.MaxResultWindow)
            Fail("page", $"page × size may not exceed {limits.MaxResultWindow}; go deeper with the cursor each response returns.");
        if (request.FacetSize < 1 || request.FacetSize > limits.MaxFacetSize) Fail("facetSize", $"facetSize must be between 1 and {limits.MaxFacetSize}.");
        if (request.From is { } from && request.To is { } to && from > to) Fail("from", $"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        CheckValues("hashtag", request.Hashtags, limits);
        CheckValues("source", request.Sources, limits);
        CheckValues("type", request.Types, limits);
    }

    private static void CheckValues(string parameter, IReadOnlyList<string> values, SearchLimits limits)
    {
        if (values.Count > limits.MaxFilterValues) Fail(parameter, $"at most {limits.MaxFilterValues} {parameter} values may be given.");
        foreach (var value in values)
        {
            if (value.Length > 200) Fail(parameter, $"a {parameter} value may be at most 200 characters long.");
        }
    }

    private static void Fail(string parameter, string message) => throw new InvalidSearchRequestException(parameter, message);
}
