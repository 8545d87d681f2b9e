using ArchiveSearch.Api.Errors;
using ArchiveSearch.Api.Hosting;
using ArchiveSearch.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchiveSearch.Api.Endpoints;

internal static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles/{id}", Get)
            .WithTags("Articles")
            .WithName("GetArticle")
            .WithSummary("One whole article: AI summary, original HTML and text, all metadata")
            .RequireRateLimiting(RateLimits.Search)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static Results<Ok<ArticleDetails>, ProblemHttpResult> Get(string id, IndexHost host)
    {
        var article = id.Length <= 200 ? host.Searcher.Get(id) : null;
        if (article is null)
        {
            return TypedResults.Problem(ApiErrors.Problem(StatusCodes.Status404NotFound, "Article not found",
                $"No article has the id '{(id.Length <= 64 ? id : id[..64] + "…")}'.", "article_not_found", "id"));
        }
        return TypedResults.Ok(ArticleDetails.From(article));
    }
}
