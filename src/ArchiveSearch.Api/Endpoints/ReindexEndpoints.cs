using System.ComponentModel;
using ArchiveSearch.Api.Errors;
using ArchiveSearch.Api.Hosting;
using ArchiveSearch.Api.Security;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Reindexing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ArchiveSearch.Api.Endpoints;

internal static class ReindexEndpoints
{
    public static IEndpointRouteBuilder MapReindexEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reindex")
            .WithTags("Reindex")
            .AddEndpointFilter<AdminKeyFilter>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/", Start)
            .WithName("StartReindex")
            .RequireRateLimiting(RateLimits.Admin)
            .WithSummary("Start a background reindex: incremental (default) or full")
            .WithDescription("Incremental adds new files, replaces changed ones (by content hash) and deletes removed ones; full builds a new index beside the live one and switches atomically. Searches keep answering from the previous state until the job commits. One job at a time: 409 names the running one.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", Latest)
            .WithName("LatestReindex")
            // Reading a job's progress is polled by clients: it shares the (larger) search budget.
            .RequireRateLimiting(RateLimits.Search)
            .WithSummary("The most recent reindex job")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}", Get)
            .WithName("GetReindex")
            .RequireRateLimiting(RateLimits.Search)
            .WithSummary("One reindex job: state, progress and skipped files")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", Cancel)
            .WithName("CancelReindex")
            .RequireRateLimiting(RateLimits.Admin)
            .WithSummary("Cancel a running job; the index stays as it was before the job")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static Results<Accepted<ReindexJobView>, ProblemHttpResult> Start(
        IndexHost host,
        [FromQuery(Name = "mode"), Description("incremental (default) | full")] string? mode,
        [FromHeader(Name = AdminKeyFilter.Header), Description("The admin key (Search:AdminApiKey); not needed from loopback when no key is configured.")] string? apiKey)
    {
        var parsed = mode?.Trim().ToLowerInvariant() switch
        {
            null or "" or "incremental" => ReindexMode.Incremental,
            "full" => ReindexMode.Full,
            _ => throw new InvalidSearchRequestException("mode", $"mode must be incremental or full, not '{(mode.Length <= 40 ? mode : mode[..40] + "…")}'."),
        };
        try
        {
            var job = host.Jobs.Start(parsed);
            return TypedResults.Accepted($"/api/reindex/{job.Id}", ReindexJobView.From(job));
        }
        catch (ReindexAlreadyRunningException e)
        {
            var problem = ApiErrors.Problem(StatusCodes.Status409Conflict, "A reindex is already running", e.Message, e.Code, null);
            problem.Extensions["runningJobId"] = e.RunningJobId;
            return TypedResults.Problem(problem);
        }
    }

    private static Results<Ok<ReindexJobView>, ProblemHttpResult> Latest(IndexHost host,
        [FromHeader(Name = AdminKeyFilter.Header), Description("The admin key.")] string? apiKey) =>
        host.Jobs.Latest is { } job ? TypedResults.Ok(ReindexJobView.From(job)) : NotFound("No reindex job has run since the service started.");

    private static Results<Ok<ReindexJobView>, ProblemHttpResult> Get(string id, IndexHost host,
        [FromHeader(Name = AdminKeyFilter.Header), Description("The admin key.")] string? apiKey) =>
        host.Jobs.Find(id) is { } job ? TypedResults.Ok(ReindexJobView.From(job)) : NotFound(UnknownJob(id));

    private static Results<Accepted<ReindexJobView>, ProblemHttpResult> Cancel(string id, IndexHost host,
        [FromHeader(Name = AdminKeyFilter.Header), Description("The admin key.")] string? apiKey)
    {
        if (!host.Jobs.Cancel(id)) return NotFound(UnknownJob(id));
        return TypedResults.Accepted($"/api/reindex/{id}", ReindexJobView.From(host.Jobs.Find(id)!));
    }

    private static string UnknownJob(string id) => $"No reindex job has the id '{(id.Length <= 40 ? id : id[..40] + "…")}'.";

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(ApiErrors.Problem(StatusCodes.Status404NotFound, "Reindex job not found", detail, "job_not_found", null));
}
