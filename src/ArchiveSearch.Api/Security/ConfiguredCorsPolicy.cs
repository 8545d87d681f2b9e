using ArchiveSearch.Api.Configuration;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace ArchiveSearch.Api.Security;

/// <summary>CORS for the origins in <c>Protection:CorsOrigins</c> only, read per request so a change needs no restart.</summary>
internal sealed class ConfiguredCorsPolicy(IOptionsMonitor<ProtectionOptions> options) : ICorsPolicyProvider
{
    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var origins = options.CurrentValue.CorsOrigins;
        if (origins.Length == 0) return Task.FromResult<CorsPolicy?>(null);
        var policy = new CorsPolicyBuilder().WithOrigins(origins).WithMethods("GET", "POST", "DELETE").AllowAnyHeader().Build();
        return Task.FromResult<CorsPolicy?>(policy);
    }
}
