using Microsoft.AspNetCore.Routing;

namespace ArchiveSearch.Api.Observability;

internal static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", async (HttpContext context, ServiceMetrics metrics) =>
            {
                context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
            })
            .WithTags("Health")
            .WithName("Metrics")
            .WithSummary("Prometheus metrics: request rate and latency by endpoint, search latency, index size and article count, reindex jobs");
        return routes;
    }

    /// <summary>The route pattern a request matched ("/api/articles/{id}"), so metrics do not explode per id.</summary>
    public static string EndpointOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
}
