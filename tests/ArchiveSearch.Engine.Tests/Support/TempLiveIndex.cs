using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Engine.Tests.Support;

/// <summary>A temporary archive folder and a live index folder beside it; both deleted on dispose.</summary>
internal sealed class TempLiveIndex : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("as-live-").FullName;

    public TempLiveIndex()
    {
        Directory.CreateDirectory(Archive);
        Live = LiveIndex.Open(IndexRoot, ArticleAnalyzer.Create());
    }

    public string Archive => Path.Combine(root, "archive");
    public string IndexRoot => Path.Combine(root, "index");
    public LiveIndex Live { get; private set; }

    /// <summary>How many articles a search (no query: browse) finds now.</summary>
    public int Total(string? q = null) => new ArticleSearcher(Live).Search(new SearchRequest { Query = q }).Total;

    public string PathOf(string relative) => Path.Combine(Archive, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public IReadOnlyList<string> Generations() =>
        Directory.EnumerateDirectories(IndexRoot).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public string CurrentFile() => File.ReadAllText(Path.Combine(IndexRoot, "CURRENT")).Trim();

    /// <summary>Closes and opens the index again, as a restarted service would.</summary>
    public void Reopen()
    {
        Live.Dispose();
        Live = LiveIndex.Open(IndexRoot, ArticleAnalyzer.Create());
    }

    public void Dispose()
    {
        Live.Dispose();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
