using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

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
        foreach (var (relativePath, text) in files)
        {
            var path = Path.Combine(ArchivePath, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    /// <summary>An app configured with an archive folder that does not exist.</summary>
    public static SearchApplication WithoutArchive() => new(files: null);

    public string ArchivePath { get; }

    public string IndexPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // In-memory configuration is added last, so it wins over appsettings.json's relative paths.
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:ArchivePath"] = ArchivePath,
            ["Search:IndexPath"] = IndexPath,
        }));
    }

    protected override void Dispose(bool disposing)
    {
        // The host closes the index (and its write lock) first; only then can the folder go.
        base.Dispose(disposing);
        if (disposing && Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
