using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

public class PrefixTests
{
    [Fact]
    public void A_trailing_star_matches_every_word_it_begins_and_marks_them()
    {
        using var index = new TempIndex(
            Make("v", "Vector search", ai: "vectors everywhere"),
            Make("o", "Other notes", ai: "nothing here"));

        var response = index.Search("vect*");

        Assert.Equal(["v"], response.Hits.Select(h => h.Id));
        Assert.Equal("<mark>Vector</mark> search", response.Hits[0].Highlights.Title);
        Assert.Equal("<mark>vectors</mark> everywhere", response.Hits[0].Highlights.Snippet);
    }

    [Fact]
    public void A_chinese_prefix_matches_words_that_begin_with_it()
    {
        using var index = new TempIndex(Make("r", "发布了行为报告"), Make("n", "今天天气"));

        Assert.Equal(["r"], index.Ids("行为报*"));
    }

    [Fact]
    public void A_prefix_shorter_than_the_minimum_is_refused()
    {
        using var index = new TempIndex(Make("v", "Vector search"));

        var e = Assert.Throws<InvalidSearchRequestException>(() => index.Search("v*"));

        Assert.Equal("q", e.Parameter);
        Assert.Contains("at least 2 characters", e.Message);
    }

    [Fact]
    public void A_prefix_with_thousands_of_expansions_stays_bounded()
    {
        var articles = Enumerable.Range(0, 60)
            .Select(i => Make($"a{i}", "notes", ai: string.Join(' ', Enumerable.Range(0, 50).Select(k => $"term{i * 50 + k}x"))))
            .ToArray();
        using var index = new TempIndex(articles);

        var response = index.Searcher.Search(new SearchRequest { Query = "term*", Size = 100 });

        // 3,000 distinct terms would pass BooleanQuery's 1,024-clause limit; only the top 128 are expanded.
        Assert.InRange(response.Total, 1, 60);
    }

    [Fact]
    public void Of_thousands_of_expansions_the_most_frequent_words_are_kept()
    {
        // 3,000 words used once each, and one word, last in term order, used by three articles.
        var articles = Enumerable.Range(0, 60)
            .Select(i => Make($"a{i}", "notes", ai: string.Join(' ', Enumerable.Range(0, 50).Select(k => "term" + Letters(i * 50 + k)))))
            .Concat(Enumerable.Range(0, 3).Select(i => Make($"common{i}", "notes", ai: "termzzzz")))
            .ToArray();
        using var index = new TempIndex(articles);

        var ids = index.Searcher.Search(new SearchRequest { Query = "term*", Size = 100, Limits = SearchLimits.Default with { MaxPrefixExpansions = 10 } })
            .Hits.Select(h => h.Id).ToList();

        Assert.Equal(["common0", "common1", "common2"], ids.Where(id => id.StartsWith("common", StringComparison.Ordinal)).Order());
        Assert.InRange(ids.Count, 3, 30);  // ten words, some of them stems shared by a few articles: far from all 63
    }

    /// <summary>A number written in letters (0 → aaa), so the analyser keeps the word whole.</summary>
    private static string Letters(int n) => new([(char)('a' + n / 676 % 26), (char)('a' + n / 26 % 26), (char)('a' + n % 26)]);

    [Fact]
    public void A_lone_star_or_a_leading_star_is_not_a_wildcard()
    {
        using var index = new TempIndex(Make("v", "Vector search"));

        Assert.Equal(0, index.Search("*").Total);
        Assert.Equal(["v"], index.Ids("*vector"));
    }
}
