using ArchiveSearch.Api.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace ArchiveSearch.Api.Security;

/// <summary>
/// Refuses a declared request body over Kestrel's <c>MaxRequestBodySize</c> with 413 before any endpoint runs.
/// Kestrel applies that limit only while a body is read, and no endpoint here reads one, so without this a client
/// could send (and make the server drain) any amount.
/// </summary>
internal static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength is { } length && length > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            var problem = ApiErrors.Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The request body is {length} bytes; at most {max} are accepted (Kestrel:Limits:MaxRequestBodySize).", "body_too_large", null);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            return;
        }
        await next(context);
    });
}
