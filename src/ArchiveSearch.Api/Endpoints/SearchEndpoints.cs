using ArchiveSearch.Api.Configuration;
using ArchiveSearch.Api.Hosting;
using ArchiveSearch.Api.Observability;
using ArchiveSearch.Api.Security;
using Microsoft.Extensions.Options;
using ArchiveSearch.Engine.Searching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchiveSearch.Api.Endpoints;

internal static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", Search)
            .WithTags("Search")
            .WithName("Search")
            .WithSummary("Ranked search with hashtag, source, type and date facets")
            .WithDescription("Every facet counts the query and all filters except its own, so ticking one hashtag still shows the others' counts. Highlights are HTML: matches in <mark>, everything else escaped.")
            .RequireRateLimiting(RateLimits.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static Ok<SearchResponse> Search([AsParameters] SearchQuery query, IndexHost host, IOptionsMonitor<ProtectionOptions> protection, ServiceMetrics metrics)
    {
        var response = host.Searcher.Search(query.ToRequest() with
        {
            TimeBudget = TimeSpan.FromMilliseconds(protection.CurrentValue.SearchTimeBudgetMilliseconds),
            Limits = protection.CurrentValue.ToLimits(),
        });
        metrics.SearchFinished(response.TookMs);
        return TypedResults.Ok(response);
    }
}
