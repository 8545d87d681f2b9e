using ArchiveSearch.Engine.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ArchiveSearch.Api.Errors;

/// <summary>
/// The one table from errors to HTTP: every error body is a ProblemDetails with a stable <c>code</c>
/// (and <c>parameter</c> when one parameter is to blame), so clients can branch on it.
/// </summary>
internal sealed partial class ApiErrors(IProblemDetailsService problems, ILogger<ApiErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            InvalidSearchRequestException e => Problem(StatusCodes.Status400BadRequest, "Invalid parameter", e.Message, e.Code, e.Parameter),
            // Minimal API binding failures ("page=abc"): the message names the parameter.
            BadHttpRequestException e => Problem(e.StatusCode, "Invalid request", e.Message, "invalid_parameter", null),
            IndexNotReadyException e => Problem(StatusCodes.Status503ServiceUnavailable, "Index not ready", e.Message, e.Code, null),
            IndexBusyException e => Problem(StatusCodes.Status409Conflict, "Index busy", e.Message, e.Code, null),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(exception, context.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred; it has been logged.", "internal_error", null);
        }
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Problem(int status, string title, string detail, string code, string? parameter)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (parameter is not null) problem.Extensions["parameter"] = parameter;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
