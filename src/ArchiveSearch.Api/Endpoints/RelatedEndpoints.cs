using ArchiveSearch.Api.Errors;
using ArchiveSearch.Api.Hosting;
using ArchiveSearch.Api.Security;
using ArchiveSearch.Engine.Related;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchiveSearch.Api.Endpoints;

internal static class RelatedEndpoints
{
    public static IEndpointRouteBuilder MapRelatedEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles/{id}/related", Related)
            .WithTags("Articles")
            .WithName("GetRelatedArticles")
            .WithSummary("Articles like this one, most alike first, its near-duplicates flagged")
            .WithDescription("MoreLikeThis over the title, AI summary and original text (the words frequent in this article and rare in the archive), plus its hashtags; never the article itself. nearDuplicate marks the same article saved again: the same title once the leading #话题# run, punctuation, case, width and Traditional/Simplified are set aside, or original texts sharing at least 80% of their three-character shingles.")
            .RequireRateLimiting(RateLimits.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static Results<Ok<RelatedResponse>, ProblemHttpResult> Related([AsParameters] RelatedQuery query, IndexHost host)
    {
        var request = query.ToRequest();
        // A bad size is a 400 whatever the id.
        request.Validate();
        var related = query.Id.Length <= 200 ? host.Related.Find(request) : null;
        if (related is null)
        {
            return TypedResults.Problem(ApiErrors.Problem(StatusCodes.Status404NotFound, "Article not found",
                $"No article has the id '{(query.Id.Length <= 64 ? query.Id : query.Id[..64] + "…")}'.", "article_not_found", "id"));
        }
        return TypedResults.Ok(related);
    }
}
