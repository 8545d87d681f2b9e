using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Engine.Tests.Support;

/// <summary>A real on-disk index in a temporary folder, holding the given articles; deleted on dispose.</summary>
internal sealed class TempIndex : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-test-" + Guid.NewGuid().ToString("N"));

    public TempIndex(params Article[] articles)
    {
        Index = SearchIndex.Open(folder, ArticleAnalyzer.Create());
        foreach (var article in articles) Index.Upsert(article);
        Index.Commit();
        Searcher = new ArticleSearcher(Index);
    }

    public SearchIndex Index { get; }
    public ArticleSearcher Searcher { get; }

    public SearchResponse Search(string? q = null) => Searcher.Search(new SearchRequest { Query = q });

    public IReadOnlyList<string> Ids(SearchRequest request) => Searcher.Search(request).Hits.Select(h => h.Id).ToList();

    public IReadOnlyList<string> Ids(string? q) => Ids(new SearchRequest { Query = q, Size = 100 });

    /// <summary>The ids the query finds when ranked with other relevance features than the service's.</summary>
    public IReadOnlyList<string> Ids(string q, RelevanceFeatures features) =>
        new ArticleSearcher(Index, features).Search(new SearchRequest { Query = q, Size = 100 }).Hits.Select(h => h.Id).ToList();

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
