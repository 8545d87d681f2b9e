using System.Net;
using ArchiveSearch.Api.Tests.Support;

namespace ArchiveSearch.Api.Tests;

/// <summary>Bad parameters answer 400 ProblemDetails with code invalid_parameter naming the parameter, never 500.</summary>
public sealed class ValidationTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private readonly HttpClient client = app.CreateClient();

    [Theory]
    [InlineData("page=0", "page", "page starts at 1.")]
    [InlineData("size=0", "size", "size must be between 1 and 100.")]
    [InlineData("size=1000", "size", "size must be between 1 and 100.")]
    [InlineData("page=101&size=100", "page", "page × size may not exceed 10000; go deeper with the cursor each response returns.")]
    [InlineData("facetSize=0", "facetSize", "facetSize must be between 1 and 1000.")]
    [InlineData("from=2025-13-01", "from", "from must be a date written yyyy-MM-dd, not '2025-13-01'.")]
    [InlineData("from=notadate", "from", "from must be a date written yyyy-MM-dd, not 'notadate'.")]
    [InlineData("to=2025-02-30", "to", "to must be a date written yyyy-MM-dd, not '2025-02-30'.")]
    [InlineData("from=2025-03-02&to=2025-03-01", "from", "from (2025-03-02) is after to (2025-03-01).")]
    [InlineData("sort=bogus", "sort", "sort must be relevance, newest or oldest, not 'bogus'.")]
    [InlineData("dateInterval=week", "dateInterval", "dateInterval must be day, month or year, not 'week'.")]
    [InlineData("prefix=first", "prefix", "prefix must be last or none, not 'first'.")]
    public async Task An_out_of_range_or_malformed_parameter_is_named_in_a_400_problem(string query, string parameter, string detail)
    {
        var problem = await client.GetProblemAsync("/api/search?" + query, HttpStatusCode.BadRequest);

        Assert.Equal(new Problem(400, "Invalid parameter", detail, "invalid_parameter", parameter), problem);
    }

    [Fact]
    public async Task A_query_over_1000_characters_is_rejected()
    {
        var problem = await client.GetProblemAsync("/api/search?q=" + new string('a', 1001), HttpStatusCode.BadRequest);

        Assert.Equal(new Problem(400, "Invalid parameter", "q is 1001 characters long; at most 1000 are allowed.", "invalid_parameter", "q"), problem);
    }

    [Fact]
    public async Task A_query_of_exactly_1000_characters_is_searched()
    {
        var result = await client.SearchAsync("q=" + new string('a', 1000));

        Assert.Equal(0, result.Total);
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("size=ten", "size")]
    public async Task A_number_that_does_not_parse_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var problem = await client.GetProblemAsync("/api/search?" + query, HttpStatusCode.BadRequest);

        Assert.Equal(400, problem.Status);
        Assert.Equal("invalid_parameter", problem.Code);
        Assert.Contains(parameter, problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    // ApiErrors promises a `parameter` "when one parameter is to blame"; a binding failure has exactly one.
    [Fact]
    public async Task A_number_that_does_not_parse_is_named_in_the_parameter_field_like_every_other_400()
    {
        var problem = await client.GetProblemAsync("/api/search?page=abc", HttpStatusCode.BadRequest);

        Assert.Equal(new Problem(400, "Invalid parameter", "page must be a whole number, not 'abc'.", "invalid_parameter", "page"), problem);
    }

    [Fact]
    public async Task An_empty_filter_value_as_a_form_sends_it_is_ignored()
    {
        var all = await client.SearchAsync("");
        var withEmpty = await client.SearchAsync("hashtag=&source=%20&type=");

        Assert.Equal(all.Total, withEmpty.Total);
    }
}
