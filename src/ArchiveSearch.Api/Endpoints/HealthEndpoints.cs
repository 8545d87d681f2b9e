using ArchiveSearch.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>Ready: the index is open. <c>Articles</c> is how many it holds; <c>LastBuiltAt</c> when it was last opened, built or reindexed.</summary>
public sealed record HealthStatus(string Status, int Articles, DateTimeOffset? LastBuiltAt);

/// <summary>Live: the process answers.</summary>
public sealed record LivenessStatus(string Status);

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Health)
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("200 with the article count when the index is open, 503 while it is not");
        routes.MapGet("/health/ready", Health)
            .WithTags("Health")
            .WithName("Ready")
            .WithSummary("Readiness: 200 when the index is open, 503 while it is not");
        routes.MapGet("/health/live", () => TypedResults.Ok(new LivenessStatus("alive")))
            .WithTags("Health")
            .WithName("Live")
            .WithSummary("Liveness: 200 while the process answers at all");
        return routes;
    }

    private static Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>> Health(IndexHost host) =>
        host.IsReady
            ? TypedResults.Ok(new HealthStatus("ready", host.Index.ArticleCount, host.LastBuiltAt))
            : TypedResults.Json(new HealthStatus("not_ready", 0, null), statusCode: StatusCodes.Status503ServiceUnavailable);
}
