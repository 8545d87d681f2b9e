using System.Globalization;
using System.Threading.RateLimiting;
using ArchiveSearch.Api.Configuration;
using ArchiveSearch.Api.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ArchiveSearch.Api.Security;

/// <summary>ASP.NET Core's rate limiter, per client address: one budget for searches, a smaller one for admin calls.</summary>
internal static class RateLimits
{
    public const string Search = "search";
    public const string Admin = "admin";

    public static IServiceCollection AddArchiveRateLimits(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellation) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
            context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(ApiErrors.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This client sent too many requests; try again in {retryAfter} s.", "rate_limited", null)).ExecuteAsync(context.HttpContext);
        };
        limiter.AddPolicy(Search, context =>
        {
            var perMinute = Options(context).SearchRequestsPerMinute;
            return perMinute == 0
                ? RateLimitPartition.GetNoLimiter(ClientOf(context))
                : RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => PerMinute(perMinute));
        });
        limiter.AddPolicy(Admin, context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => PerMinute(Options(context).AdminRequestsPerMinute)));
    });

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static ProtectionOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptionsMonitor<ProtectionOptions>>().CurrentValue;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
