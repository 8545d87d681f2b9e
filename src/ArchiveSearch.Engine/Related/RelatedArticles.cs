using System.Diagnostics;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Related;

/// <summary>Finds the articles most like a given one, each request on its own searcher snapshot, near-duplicates flagged.</summary>
public sealed class RelatedArticles(ISearcherSource index)
{
    private readonly LikeQuery like = new(index.Analyzer);

    /// <summary>The related articles, or null when no article has that id.</summary>
    public RelatedResponse? Find(RelatedRequest request)
    {
        var clock = Stopwatch.StartNew();
        request.Validate();
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var found = searcher.Search(new TermQuery(new Term(IndexSchema.Id, request.Id)), 1);
        if (found.TotalHits == 0) return null;
        var doc = found.ScoreDocs[0].Doc;
        var article = ArticleDocumentMapper.FromDocument(searcher.Doc(doc, ArticleDocumentMapper.HitFields));

        var query = like.For(searcher.IndexReader, doc, article);
        if (query is null) return new RelatedResponse(article.Id, [], clock.Elapsed.TotalMilliseconds);
        var print = new NearDuplicates.Print(article);
        var related = searcher.Search(query, request.Size).ScoreDocs.Select(hit =>
        {
            var other = ArticleDocumentMapper.FromDocument(searcher.Doc(hit.Doc, ArticleDocumentMapper.HitFields));
            return new RelatedArticle(other.Id, hit.Score, other.Title, other.Url, other.Source, other.Type, other.SavedAt, other.Date,
                other.Hashtags, NearDuplicates.Are(print, new NearDuplicates.Print(other)));
        }).ToList();
        return new RelatedResponse(article.Id, related, clock.Elapsed.TotalMilliseconds);
    }
}
