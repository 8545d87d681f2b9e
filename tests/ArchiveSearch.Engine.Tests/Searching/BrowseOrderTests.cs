using ArchiveSearch.Engine.Searching;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>
/// A browse page from the reader's browse order (once its facets are counted) must be the page the sorted search gives:
/// the same articles in the same order, and cursors that either one accepts from the other.
/// </summary>
public class BrowseOrderTests
{
    /// <summary>Three segments, replaced articles (deleted documents), ties on the same instant and undated articles.</summary>
    private static TempIndex Archive()
    {
        var index = new TempIndex([.. Enumerable.Range(0, 30).Select(Article)]);
        index.Index.Upsert(Article(30));
        foreach (var n in new[] { 3, 17, 24 }) index.Index.Upsert(Article(n) with { Title = $"replaced {n}" });
        index.Index.Commit();
        foreach (var n in Enumerable.Range(31, 9)) index.Index.Upsert(Article(n));
        index.Index.Delete("a5");
        index.Index.Commit();
        return index;
    }

    private static ArchiveSearch.Engine.Archive.Article Article(int n) =>
        Make($"a{n}", $"article {n}", saved: n % 7 == 0 ? null : $"2025-{1 + n % 4:00}-{1 + n % 3:00}T08:00:00Z", dirDate: n % 7 == 0 ? null : $"2025-{1 + n % 4:00}-{1 + n % 3:00}");

    [Theory]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public void Every_page_is_the_page_the_sorted_search_gives(SearchSort sort)
    {
        using var index = Archive();
        for (var page = 1; page <= 14; page++)
        {
            // A facet size of its own per page: the first request of each counts the facets by searching, the second reads them.
            var request = new SearchRequest { Sort = sort, Page = page, Size = 3, FacetSize = page };
            var searched = index.Searcher.Search(request);
            var sliced = index.Searcher.Search(request);

            Assert.Equal(searched.Hits.Select(h => h.Id), sliced.Hits.Select(h => h.Id));
            Assert.Equal(searched.Total, sliced.Total);
            Assert.Equal(searched.NextCursor, sliced.NextCursor);
        }
    }

    [Theory]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public void Following_cursors_visits_every_live_article_once_in_the_sorted_order(SearchSort sort)
    {
        using var index = Archive();
        var sorted = index.Searcher.Search(new SearchRequest { Sort = sort, Size = 100, FacetSize = 1 }).Hits.Select(h => h.Id).ToList();
        Assert.Equal(39, sorted.Count);

        var visited = new List<string>();
        var request = new SearchRequest { Sort = sort, Size = 4 };
        index.Searcher.Search(request);
        while (true)
        {
            var page = index.Searcher.Search(request);
            visited.AddRange(page.Hits.Select(h => h.Id));
            if (page.NextCursor is null) break;
            request = request with { Cursor = page.NextCursor };
        }
        Assert.Equal(sorted, visited);
    }
}
