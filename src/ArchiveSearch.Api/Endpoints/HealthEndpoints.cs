using System.Text.Json.Serialization;
using ArchiveSearch.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>
/// <c>ready</c>: the index is open; <c>indexing</c>: it is open and searched while its first build runs, which
/// <c>Indexing</c> describes; <c>not_ready</c>: no index is open. <c>Articles</c> is how many it holds (so far);
/// <c>LastBuiltAt</c> when it was last opened, built or reindexed.
/// </summary>
public sealed record HealthStatus(string Status, int Articles, DateTimeOffset? LastBuiltAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IndexingStatus? Indexing { get; init; }
}

/// <summary>Live: the process answers.</summary>
public sealed record LivenessStatus(string Status);

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Health)
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("200 with the article count when the index is open (status indexing, with progress, while its first build runs), 503 while it is not");
        routes.MapGet("/health/ready", Health)
            .WithTags("Health")
            .WithName("Ready")
            .WithSummary("Readiness: 200 when the index is open and searches answer (status indexing during a first build), 503 while it is not");
        routes.MapGet("/health/live", () => TypedResults.Ok(new LivenessStatus("alive")))
            .WithTags("Health")
            .WithName("Live")
            .WithSummary("Liveness: 200 while the process answers at all");
        return routes;
    }

    private static Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>> Health(IndexHost host)
    {
        if (!host.IsReady) return TypedResults.Json(new HealthStatus("not_ready", 0, null), statusCode: StatusCodes.Status503ServiceUnavailable);
        // Searches answer from the batches committed so far, so a first build is ready to serve, and says how far it is.
        return host.FirstBuild is { } build
            ? TypedResults.Ok(new HealthStatus("indexing", host.Index.ArticleCount, host.LastBuiltAt) { Indexing = IndexingStatus.From(build.Progress) })
            : TypedResults.Ok(new HealthStatus("ready", host.Index.ArticleCount, host.LastBuiltAt));
    }
}
