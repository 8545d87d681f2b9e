using System.Text.RegularExpressions;
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
            BadHttpRequestException e => BindingProblem(e),
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

    // Minimal API binding failures ('Failed to bind parameter "Nullable<int> Page" from "abc".') name the C# member;
    // clients know the query name, so answer with that and a sentence of our own.
    private static ProblemDetails BindingProblem(BadHttpRequestException e)
    {
        var match = BindFailure().Match(e.Message);
        if (!match.Success) return Problem(e.StatusCode, "Invalid request", e.Message, "invalid_request", null);
        var member = match.Groups["name"].Value;
        var parameter = char.ToLowerInvariant(member[0]) + member[1..];
        var value = match.Groups["value"].Value;
        return Problem(StatusCodes.Status400BadRequest, "Invalid parameter",
            $"{parameter} must be a whole number, not '{(value.Length <= 40 ? value : value[..40] + "…")}'.", "invalid_parameter", parameter);
    }

    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

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
