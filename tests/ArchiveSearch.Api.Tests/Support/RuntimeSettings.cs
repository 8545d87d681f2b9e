using Microsoft.Extensions.Configuration;

namespace ArchiveSearch.Api.Tests.Support;

/// <summary>
/// A configuration source the test keeps hold of: <see cref="Set"/> changes a value and signals a reload,
/// the way an edited appsettings.json would, so options read through IOptionsMonitor see it at once.
/// </summary>
public sealed class RuntimeSettings : IConfigurationSource
{
    // One provider for every Build call: the host may build the source more than once, and every copy
    // must see the same values and raise the same reloads.
    private readonly Provider provider = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;

    public void Set(string key, string? value)
    {
        provider.Set(key, value);
        provider.Reload();
    }

    private sealed class Provider : ConfigurationProvider
    {
        public void Reload() => OnReload();
    }
}
