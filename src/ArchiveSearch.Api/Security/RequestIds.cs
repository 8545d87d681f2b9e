using System.Diagnostics;
using ArchiveSearch.Api.Observability;

namespace ArchiveSearch.Api.Security;

/// <summary>
/// Gives every request an id (a well-formed incoming <c>X-Request-Id</c>, else the trace identifier), returns it in
/// the response header, puts it in the logging scope, logs one structured line per request and counts it in the metrics.
/// </summary>
internal static partial class RequestIds
{
    public const string Header = "X-Request-Id";

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("ArchiveSearch.Requests");
        var metrics = app.ApplicationServices.GetRequiredService<ServiceMetrics>();
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[Header].ToString();
            var id = IsWellFormed(incoming) ? incoming : context.TraceIdentifier;
            context.TraceIdentifier = id;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
            var clock = Stopwatch.StartNew();
            using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
            {
                try
                {
                    await next(context);
                }
                finally
                {
                    LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, clock.Elapsed.TotalMilliseconds, id);
                    metrics.RequestFinished(MetricsEndpoints.EndpointOf(context), context.Request.Method, context.Response.StatusCode, clock.Elapsed);
                }
            }
        });
    }

    // Echoing a client's id is only safe for short plain tokens (no header or log injection).
    private static bool IsWellFormed(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} → {Status} in {ElapsedMs:0.0} ms ({RequestId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs, string requestId);
}
