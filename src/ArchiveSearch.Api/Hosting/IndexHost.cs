using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Api.Hosting;

/// <summary>Holds the open index for the endpoints; until it is open, every search answers "not ready".</summary>
public sealed class IndexHost : IDisposable
{
    private volatile Opened? current;

    public bool IsReady => current is not null;

    public ArticleSearcher Searcher => Current.Searcher;

    public SearchIndex Index => Current.Index;

    public DateTimeOffset? LastBuiltAt => current?.BuiltAt;

    private Opened Current => current ?? throw new IndexNotReadyException("The index is not open yet; the archive may still be indexing. Try again shortly.");

    internal void Publish(SearchIndex index, DateTimeOffset builtAt) => current = new Opened(index, new ArticleSearcher(index), builtAt);

    public void Dispose() => current?.Index.Dispose();

    private sealed record Opened(SearchIndex Index, ArticleSearcher Searcher, DateTimeOffset BuiltAt);
}
