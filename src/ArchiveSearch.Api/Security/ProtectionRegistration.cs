using ArchiveSearch.Api.Configuration;

namespace ArchiveSearch.Api.Security;

internal static class ProtectionRegistration
{
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddArchiveProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectionOptions>().BindConfiguration(ProtectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FailedKeyAttempts>();
        services.AddArchiveRateLimits();
        var origins = configuration.GetSection($"{ProtectionOptions.Section}:{nameof(ProtectionOptions.CorsOrigins)}").Get<string[]>() ?? [];
        // Only configured origins; with none, browsers on other origins cannot call the API at all.
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy.WithOrigins(origins).WithMethods("GET", "POST", "DELETE").AllowAnyHeader()));
        return services;
    }

    public static IApplicationBuilder UseArchiveProtection(this IApplicationBuilder app)
    {
        app.UseRequestIds();
        app.UseSecurityHeaders();
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
        return app;
    }
}
