using ArchiveSearch.Api.Hosting;
using ArchiveSearch.Api.Security;
using ArchiveSearch.Engine.Suggesting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchiveSearch.Api.Endpoints;

internal static class SuggestEndpoints
{
    public static IEndpointRouteBuilder MapSuggestEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/suggest", Suggest)
            .WithTags("Search")
            .WithName("Suggest")
            .WithSummary("Completions while typing: hashtags, title words and whole titles, each with its article count")
            .WithDescription("Hashtags first (most articles first, as most articles spell them), then words completing the last typed word (in most titles first), then titles containing the text (a title saved twice is one suggestion counting both). Each suggestion's query is the query once it is chosen; a chosen hashtag is meant as a hashtag filter.")
            .RequireRateLimiting(RateLimits.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static Ok<SuggestResponse> Suggest([AsParameters] SuggestQuery query, IndexHost host) =>
        TypedResults.Ok(host.Suggester.Suggest(query.ToRequest()));
}
