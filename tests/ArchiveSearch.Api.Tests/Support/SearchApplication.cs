using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using ArchiveSearch.Api.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArchiveSearch.Api.Tests.Support;

/// <summary>
/// The real service over its own temporary archive and index: each instance writes
/// <see cref="SampleArticles"/> to a fresh folder, points <c>Search:ArchivePath</c> and
/// <c>Search:IndexPath</c> at it, and deletes it on dispose, so no two apps share data.
/// </summary>
public sealed class SearchApplication : WebApplicationFactory<Program>
{
    private readonly string root = Directory.CreateTempSubdirectory("archive-api-tests-").FullName;

    /// <summary>An app whose archive holds every sample article (and the malformed file).</summary>
    public SearchApplication() : this(SampleArticles.Files)
    {
    }

    private SearchApplication(IReadOnlyDictionary<string, string>? files)
    {
        ArchivePath = Path.Combine(root, "archive");
        IndexPath = Path.Combine(root, "index");
        if (files is null) return;
        foreach (var (relativePath, text) in files) WriteArchiveFile(relativePath, text);
    }

    /// <summary>An app configured with an archive folder that does not exist.</summary>
    public static SearchApplication WithoutArchive() => new(files: null);

    /// <summary>An app over a copy of the bundled sample archive (index-data/archive), which the README's examples use.</summary>
    public static SearchApplication OfBundledArchive()
    {
        var bundled = Repository.File(Path.Combine("index-data", "archive"));
        var app = new SearchApplication(files: null);
        foreach (var file in Directory.EnumerateFiles(bundled, "*", SearchOption.AllDirectories))
        {
            app.WriteArchiveFile(Path.GetRelativePath(bundled, file), File.ReadAllBytes(file));
        }
        return app;
    }

    public string ArchivePath { get; }

    public string IndexPath { get; }

    /// <summary>
    /// The address the service sees requests come from. TestServer leaves it null, which admin endpoints treat
    /// as a remote client; set it to <see cref="IPAddress.Loopback"/> to act as a local one.
    /// </summary>
    public IPAddress? ClientAddress { get; set; }

    /// <summary>
    /// The service listens while its first build runs in the background; most tests want the archive indexed, so the
    /// app is handed over only once that build has finished. False: at once, with the build under way.
    /// </summary>
    public bool WaitForFirstBuild { get; set; } = true;

    /// <summary>Further configuration (<c>Search:AdminApiKey</c>, …), changeable while the app runs.</summary>
    public RuntimeSettings Settings { get; } = new();

    /// <summary>Writes (or overwrites) an article file in this app's archive.</summary>
    public void WriteArchiveFile(string relativePath, string text) => WriteArchiveFile(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void WriteArchiveFile(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(ArchivePath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void DeleteArchiveFile(string relativePath) => File.Delete(Path.Combine(ArchivePath, relativePath));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // In-memory configuration is added last, so it wins over appsettings.json's relative paths.
        builder.ConfigureAppConfiguration(config =>
        {
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Search:ArchivePath"] = ArchivePath,
                ["Search:IndexPath"] = IndexPath,
            });
            config.Add(Settings);
        });
        if (ClientAddress is { } address)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddressFilter(address)));
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var index = host.Services.GetRequiredService<IndexHost>();
        if (WaitForFirstBuild && index.FirstBuild is not null && !index.Jobs.WhenIdle().Wait(TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException("The first build did not finish within 120 s.");
        }
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        // The host closes the index (and its write lock) first; only then can the folder go.
        base.Dispose(disposing);
        if (disposing && Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    /// <summary>Runs first in the pipeline and stamps every request with the chosen client address.</summary>
    private sealed class ClientAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
