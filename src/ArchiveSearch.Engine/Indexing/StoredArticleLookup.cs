using ArchiveSearch.Engine.Archive;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Indexing;

/// <summary>Finds an article's indexed version by id and turns it back into an <see cref="Article"/>.</summary>
internal sealed class StoredArticleLookup(ISearcherSource source)
{
    public Article? Find(string id)
    {
        using var lease = source.AcquireSearcher();
        var top = lease.Searcher.Search(new TermQuery(new Term(IndexSchema.Id, id)), 1);
        if (top.TotalHits == 0) return null;
        return ArticleDocumentMapper.ToArticle(ArticleDocumentMapper.FromDocument(lease.Searcher.Doc(top.ScoreDocs[0].Doc)));
    }
}
