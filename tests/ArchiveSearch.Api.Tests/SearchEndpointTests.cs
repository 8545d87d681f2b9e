using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;
using static ArchiveSearch.Api.Tests.Support.SampleArticles;

namespace ArchiveSearch.Api.Tests;

/// <summary>Ranked search, highlights and the hit's JSON shape. The tests only read, so they share one app.</summary>
public sealed class SearchEndpointTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task A_chinese_query_finds_the_title_match_first_then_the_summary_match()
    {
        var result = await client.SearchAsync("q=量子计算");

        Assert.Equal(2, result.Total);
        Assert.Equal(1, result.Page);
        Assert.Equal(10, result.Size);
        Assert.Equal([QuantumChip, YearInReview], result.Ids);
    }

    [Fact]
    public async Task With_prefix_last_a_half_typed_word_finds_the_words_it_begins()
    {
        Assert.Equal(0, (await client.SearchAsync("q=vect")).Total);

        var typing = await client.SearchAsync("q=vect&prefix=last");

        Assert.Equal([VectorDatabases], typing.Ids);
        Assert.Contains("<mark>", typing.Hits[0].Highlights.Title);
    }

    [Fact]
    public async Task A_misspelt_word_finds_the_article_spelt_right()
    {
        Assert.Equal([VectorDatabases], (await client.SearchAsync("q=vektor")).Ids);
    }

    [Fact]
    public async Task A_hit_carries_the_article_fields_and_marked_highlights()
    {
        var hit = (await client.SearchAsync("q=量子计算")).Hits[0];

        Assert.Equal(QuantumChip, hit.Id);
        Assert.NotNull(hit.Score);
        Assert.True(hit.Score > 0);
        Assert.Equal("#量子计算##科技前沿#中国团队发布新一代量子计算芯片", hit.Title);
        Assert.Equal("https://weibo.com/1000000001/QuantumChip", hit.Url);
        Assert.Equal("微博", hit.Source);
        Assert.Equal("微博", hit.Type);
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 8, 30, 0, TimeSpan.Zero), hit.SavedAt);
        Assert.Equal(new DateOnly(2024, 11, 5), hit.Date);
        Assert.Equal(["量子计算", "科技前沿"], hit.Hashtags);
        Assert.Equal("#<mark>量子计算</mark>##科技前沿#中国团队发布新一代<mark>量子计算</mark>芯片", hit.Highlights.Title);
        Assert.Equal("中国科研团队发布新一代<mark>量子计算</mark>芯片，相干时间显著提升。", hit.Highlights.Snippet);
        Assert.Equal("aiSummary", hit.Highlights.SnippetField);
    }

    [Fact]
    public async Task The_response_is_camel_case_json_with_every_documented_field()
    {
        var root = await client.GetJsonElementAsync("/api/search?q=量子计算");

        Assert.Equal(["total", "page", "size", "tookMs", "hits", "facets", "partial", "nextCursor", "missingWords", "unsearchedWords"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("tookMs").ValueKind);
        Assert.True(root.GetProperty("tookMs").GetDouble() >= 0);
        var hit = root.GetProperty("hits")[0];
        Assert.Equal(["id", "score", "title", "url", "source", "type", "savedAt", "date", "hashtags", "highlights"],
            hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["title", "snippet", "snippetField"], hit.GetProperty("highlights").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024-11-05", hit.GetProperty("date").GetString());
        Assert.Equal(["hashtags", "sources", "types", "dates"], root.GetProperty("facets").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_english_query_marks_the_matched_words_including_plural_forms()
    {
        var hit = (await client.SearchAsync("q=vector%20database")).Hits[0];

        Assert.Equal(VectorDatabases, hit.Id);
        Assert.Equal("<mark>Vector</mark> <mark>databases</mark> in practice", hit.Highlights.Title);
        Assert.Equal("The author compares <mark>vector</mark> <mark>database</mark> engines and their index structures.", hit.Highlights.Snippet);
    }

    [Fact]
    public async Task An_article_with_all_the_words_ranks_above_one_with_only_some()
    {
        var result = await client.SearchAsync("q=vector%20database");

        Assert.Equal([VectorDatabases, PostgresTuning], result.Ids);
        Assert.True(result.Hits[0].Score > result.Hits[1].Score);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        var result = await client.SearchAsync("q=rust");

        Assert.Equal([RustRelease, SparseModels], result.Ids);
        Assert.Equal("<mark>Rust</mark> 1.85 released", result.Hits[0].Highlights.Title);
        Assert.Equal("We study sparse mixture-of-experts models; the training code is written in <mark>Rust</mark>.", result.Hits[1].Highlights.Snippet);
    }

    [Fact]
    public async Task Html_in_article_text_is_escaped_in_highlights()
    {
        var hit = (await client.SearchAsync("q=field%20report")).Hits.Single();

        Assert.Equal(VectorDatabases, hit.Id);
        Assert.Equal("originalText", hit.Highlights.SnippetField);
        Assert.Equal("A <mark>field</mark> <mark>report</mark> on running a vector database &lt;at scale&gt;.", hit.Highlights.Snippet);
    }

    [Fact]
    public async Task An_empty_query_lists_every_good_article_newest_first_without_scores()
    {
        var result = await client.SearchAsync("q=&size=100");

        Assert.Equal(GoodArticleCount, result.Total);
        Assert.Equal(NewestFirst, result.Ids);
        Assert.All(result.Hits, h => Assert.Null(h.Score));
    }

    [Fact]
    public async Task The_file_without_a_title_line_is_not_indexed()
    {
        var result = await client.SearchAsync("q=缺少标题行");

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task A_word_no_article_contains_is_named_and_the_rest_still_answers()
    {
        var result = await client.SearchAsync("q=量子计算 Kubernetes");

        Assert.Equal([QuantumChip, YearInReview], result.Ids);
        Assert.Equal(["Kubernetes"], result.MissingWords);
    }

    [Fact]
    public async Task A_query_matching_nothing_answers_an_empty_page()
    {
        var result = await client.SearchAsync("q=kubernetes");

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
        Assert.Empty(result.Facets.Hashtags);
        Assert.Empty(result.Facets.Dates);
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("title:")]
    [InlineData("AND%20OR")]
    [InlineData("%22unclosed%20phrase")]
    [InlineData("-")]
    [InlineData("hashtag:%23%23")]
    public async Task Malformed_query_syntax_is_searched_as_text_never_an_error(string q)
    {
        var result = await client.SearchAsync("q=" + q);

        Assert.Equal(1, result.Page);
    }
}
