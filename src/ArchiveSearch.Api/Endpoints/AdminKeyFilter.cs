using System.Net;
using System.Security.Cryptography;
using System.Text;
using ArchiveSearch.Api.Configuration;
using ArchiveSearch.Api.Errors;
using ArchiveSearch.Api.Security;
using Microsoft.Extensions.Options;

namespace ArchiveSearch.Api.Endpoints;

/// <summary>
/// Guards endpoints that change state: with <c>Search:AdminApiKey</c> set, the <c>X-Api-Key</c> header must
/// match it (401 when missing, 403 when wrong); without a key, only loopback clients are let through, so the
/// one-command local run works and nothing else can reindex. The key is never logged.
/// </summary>
internal sealed partial class AdminKeyFilter(IOptionsMonitor<SearchOptions> options, FailedKeyAttempts failures, ILogger<AdminKeyFilter> logger) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var configured = options.CurrentValue.AdminApiKey;
        var client = http.Connection.RemoteIpAddress;
        if (string.IsNullOrEmpty(configured))
        {
            if (client is not null && IPAddress.IsLoopback(client)) return await next(context);
            LogRefused(client?.ToString() ?? "unknown", "no admin key is configured and the client is not loopback");
            return Refuse(StatusCodes.Status403Forbidden, "admin_loopback_only",
                "Admin endpoints accept only local clients until Search:AdminApiKey is configured.");
        }

        var address = RateLimits.ClientOf(http);
        if (failures.IsLockedOut(address))
        {
            LogRefused(address, "too many failed key attempts");
            http.Response.Headers.RetryAfter = "900";
            return Refuse(StatusCodes.Status429TooManyRequests, "too_many_failed_keys",
                "Too many wrong or missing admin keys from this client; try again in 15 minutes.");
        }
        var given = http.Request.Headers[Header].ToString();
        if (given.Length == 0)
        {
            failures.Record(address);
            LogRefused(address, "no key given");
            return Refuse(StatusCodes.Status401Unauthorized, "api_key_required", $"This endpoint needs the admin key in the {Header} header.");
        }
        if (!KeysMatch(given, configured))
        {
            failures.Record(address);
            LogRefused(address, "wrong key");
            return Refuse(StatusCodes.Status403Forbidden, "api_key_invalid", $"The {Header} header does not hold the admin key.");
        }
        return await next(context);
    }

    // Hashing first gives equal-length inputs, so the comparison time reveals neither the key nor its length.
    private static bool KeysMatch(string given, string configured) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));

    private static IResult Refuse(int status, string code, string detail) =>
        TypedResults.Problem(ApiErrors.Problem(status, status switch { 401 => "Admin key required", 429 => "Too many requests", _ => "Forbidden" }, detail, code, null));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an admin request from {Client}: {Reason}")]
    private partial void LogRefused(string client, string reason);
}
