using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ArchiveSearch.Api.Hosting;

/// <summary>Prints where to point a browser once the server listens.</summary>
internal static class StartupBanner
{
    public static void PrintUrlsWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"Archive search is listening: {address}/ (search page), {address}/swagger (API explorer)");
            }
        });
    }
}
