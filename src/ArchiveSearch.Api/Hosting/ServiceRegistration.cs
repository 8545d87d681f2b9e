using System.Text.Json;
using System.Text.Json.Serialization;
using ArchiveSearch.Api.Configuration;
using ArchiveSearch.Api.Errors;
using ArchiveSearch.Api.Observability;

namespace ArchiveSearch.Api.Hosting;

internal static class ServiceRegistration
{
    public static IServiceCollection AddArchiveSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IndexHost>();
        services.AddSingleton<ServiceMetrics>();
        services.AddHostedService<IndexStartup>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiErrors>();
        // Binding failures (page=abc) throw, so ApiErrors can answer them with the parameter's name.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddHostedService<ArchiveWatcher>();
        return services;
    }
}
