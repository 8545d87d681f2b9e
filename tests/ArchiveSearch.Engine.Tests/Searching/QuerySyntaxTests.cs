using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

public class QuerySyntaxTests
{
    private static Article[] Fixture() =>
    [
        Make("adjacent", "Anthropic 发布行为报告", ai: "这份行为报告长达 123 页。", source: "微博", saved: "2025-05-01T00:00:00Z"),
        Make("apart", "报告与行为", ai: "一份报告，讨论了模型的行为。", source: "ArXiv", saved: "2025-05-02T00:00:00Z"),
        Make("english", "Vector search in Rust", ai: "Building vector search with the Rust language.", tags: ["rust"], source: "Hacker News", saved: "2025-05-03T00:00:00Z"),
        Make("tagged", "一周见闻", ai: "本周读到的文章。", tags: ["Claude 4 发布"], source: "微博", saved: "2025-05-04T00:00:00Z"),
    ];

    [Fact]
    public void A_quoted_phrase_matches_only_adjacent_words()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(["adjacent"], index.Ids("\"行为报告\""));
        Assert.Equal(["english"], index.Ids("\"vector search\""));
    }

    [Fact]
    public void Unquoted_chinese_words_rank_the_adjacent_occurrence_first()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(["adjacent", "apart"], index.Ids("行为报告"));
    }

    [Fact]
    public void A_minus_excludes_articles_with_the_word()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(["adjacent"], index.Ids("报告 -ArXiv -讨论"));
        Assert.Equal(["tagged", "english", "apart"], index.Ids("-行为报告"));
    }

    [Fact]
    public void Title_scope_matches_only_titles()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(["apart"], index.Ids("title:报告与行为"));
        Assert.Equal(["adjacent"], index.Ids("title:发布"));
    }

    [Fact]
    public void Hashtag_scope_matches_the_whole_hashtag_or_words_in_it()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(["tagged"], index.Ids("hashtag:\"Claude 4 发布\""));
        Assert.Equal(["english"], index.Ids("hashtag:RUST"));
        Assert.Empty(index.Ids("hashtag:vector"));
    }

    [Fact]
    public void Source_scope_is_an_exact_case_insensitive_match()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(["apart"], index.Ids("报告 source:arxiv"));
        Assert.Equal(["english"], index.Ids("source:\"hacker news\""));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"行为")]
    [InlineData("title:")]
    [InlineData("AND OR")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(":::")]
    [InlineData("title:\"")]
    [InlineData("hashtag:##")]
    [InlineData("source:")]
    [InlineData("(((*?~^")]
    [InlineData("😀😀 𠮷")]
    public void Malformed_syntax_is_searched_as_text_and_never_throws(string query)
    {
        using var index = new TempIndex(Fixture());

        var response = index.Search(query);

        Assert.True(response.Total >= 0);
    }

    [Fact]
    public void A_lone_quote_is_ignored_and_the_words_still_search()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(["adjacent", "apart"], index.Ids("\"行为报告"));
    }

    [Fact]
    public void Punctuation_only_queries_find_nothing()
    {
        using var index = new TempIndex(Fixture());

        Assert.Equal(0, index.Search("，。！？").Total);
    }

    [Fact]
    public void The_parser_reads_each_syntax_element()
    {
        Assert.Equal(
        [
            new QueryClause("Claude", false, ClauseField.Any, ClauseOccur.Should),
            new QueryClause("行为 报告", true, ClauseField.Any, ClauseOccur.Should),
            new QueryClause("广告", false, ClauseField.Any, ClauseOccur.MustNot),
            new QueryClause("Anthropic", false, ClauseField.Title, ClauseOccur.Must),
            new QueryClause("AI 安全", true, ClauseField.Hashtag, ClauseOccur.Must),
            new QueryClause("title:", false, ClauseField.Any, ClauseOccur.Should),
        ], UserQueryParser.Parse("Claude \"行为 报告\" -广告 title:Anthropic hashtag:\"AI 安全\" title:"));
    }
}
