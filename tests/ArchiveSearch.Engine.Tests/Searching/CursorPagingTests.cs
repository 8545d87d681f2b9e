using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

public class CursorPagingTests
{
    private static TempIndex Index() => new(Enumerable.Range(0, 25)
        .Select(i => Make($"a{i:00}", i % 2 == 0 ? "文章 文章" : "文章", saved: i % 5 == 0 ? "2025-01-01T00:00:00Z" : $"2025-01-{i + 2:00}T00:00:00Z"))
        .ToArray());

    private static List<string> Walk(ArticleSearcher searcher, SearchRequest first)
    {
        var ids = new List<string>();
        var request = first;
        for (var guard = 0; guard < 20; guard++)
        {
            var page = searcher.Search(request);
            ids.AddRange(page.Hits.Select(h => h.Id));
            if (page.NextCursor is null) break;
            request = first with { Cursor = page.NextCursor };
        }
        return ids;
    }

    [Theory]
    [InlineData(null, SearchSort.Newest)]
    [InlineData(null, SearchSort.Oldest)]
    [InlineData("文章", SearchSort.Relevance)]
    public void Following_cursors_visits_every_hit_once_in_the_same_order_as_one_big_page(string? q, SearchSort sort)
    {
        using var index = Index();
        var all = index.Searcher.Search(new SearchRequest { Query = q, Sort = sort, Size = 100 }).Hits.Select(h => h.Id).ToList();

        var walked = Walk(index.Searcher, new SearchRequest { Query = q, Sort = sort, Size = 7 });

        Assert.Equal(25, all.Count);
        Assert.Equal(all, walked);
    }

    [Fact]
    public void A_cursor_from_another_search_is_refused()
    {
        using var index = Index();
        var cursor = index.Searcher.Search(new SearchRequest { Query = "文章", Size = 5 }).NextCursor!;

        var e = Assert.Throws<InvalidSearchRequestException>(() => index.Searcher.Search(new SearchRequest { Query = "别的", Size = 5, Cursor = cursor }));

        Assert.Equal("cursor", e.Parameter);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("eyJGIjoiMSJ9")]
    [InlineData("")]
    public void A_malformed_cursor_is_a_bad_parameter(string cursor)
    {
        using var index = Index();

        var e = Assert.Throws<InvalidSearchRequestException>(() => index.Searcher.Search(new SearchRequest { Cursor = cursor }));

        Assert.Equal("cursor", e.Parameter);
    }

    [Fact]
    public void A_cursor_with_a_page_number_is_refused()
    {
        using var index = Index();
        var cursor = index.Searcher.Search(new SearchRequest { Size = 5 }).NextCursor!;

        Assert.Equal("cursor", Assert.Throws<InvalidSearchRequestException>(() => index.Searcher.Search(new SearchRequest { Size = 5, Page = 2, Cursor = cursor })).Parameter);
    }
}
