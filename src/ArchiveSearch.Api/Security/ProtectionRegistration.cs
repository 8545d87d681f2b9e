using Microsoft.AspNetCore.Server.Kestrel.Core;
using ArchiveSearch.Api.Configuration;

namespace ArchiveSearch.Api.Security;

internal static class ProtectionRegistration
{
    public static IServiceCollection AddArchiveProtection(this IServiceCollection services)
    {
        services.AddOptions<ProtectionOptions>().BindConfiguration(ProtectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FailedKeyAttempts>();
        // Request size limits (Kestrel:Limits:*) come from configuration like every other setting.
        services.AddOptions<KestrelServerOptions>().BindConfiguration("Kestrel");
        services.AddArchiveRateLimits();
        // Only configured origins; with none, browsers on other origins cannot call the API at all.
        services.AddCors();
        services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, ConfiguredCorsPolicy>();
        return services;
    }

    public static IApplicationBuilder UseArchiveProtection(this IApplicationBuilder app)
    {
        app.UseRequestIds();
        app.UseSecurityHeaders();
        app.UseRequestBodyLimit();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
