using System.Net;
using System.Text.Json;
using ArchiveSearch.Api.Tests.Support;
using static ArchiveSearch.Api.Tests.Support.SampleArticles;

namespace ArchiveSearch.Api.Tests;

public sealed class ArticleEndpointTests(SearchApplication app) : IClassFixture<SearchApplication>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task An_article_is_returned_whole()
    {
        var article = await client.GetJsonElementAsync($"/api/articles/{QuantumChip}");

        Assert.Equal(QuantumChip, article.GetProperty("id").GetString());
        Assert.Equal("#量子计算##科技前沿#中国团队发布新一代量子计算芯片", article.GetProperty("title").GetString());
        Assert.Equal("https://weibo.com/1000000001/QuantumChip", article.GetProperty("url").GetString());
        Assert.Equal("微博", article.GetProperty("source").GetString());
        Assert.Equal("微博", article.GetProperty("type").GetString());
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 8, 30, 0, TimeSpan.Zero), article.GetProperty("savedAt").GetDateTimeOffset());
        Assert.Equal("2024-11-05", article.GetProperty("date").GetString());
        Assert.Equal(["量子计算", "科技前沿"], article.GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("中国科研团队发布新一代量子计算芯片，相干时间显著提升。", article.GetProperty("aiSummary").GetString());
        Assert.Equal(QuantumChipHtml, article.GetProperty("originalHtml").GetString());
        Assert.Equal($"2024-11-05/000_{QuantumChip}.txt", article.GetProperty("path").GetString());
    }

    [Fact]
    public async Task The_original_text_has_tags_stripped_and_entities_decoded()
    {
        var article = await client.GetJsonElementAsync($"/api/articles/{QuantumChip}");

        Assert.Equal("#量子计算##科技前沿#\n\n研究团队表示，新芯片的相干时间提升了三倍 & 错误率下降了一半。\n\n详情见 <发布会> 实录。",
            article.GetProperty("originalText").GetString());
    }

    [Fact]
    public async Task The_metadata_object_keeps_every_key_including_unknown_ones()
    {
        var metadata = (await client.GetJsonElementAsync($"/api/articles/{QuantumChip}")).GetProperty("metadata");

        Assert.Equal(JsonValueKind.Object, metadata.ValueKind);
        Assert.Equal(
            [("来源", "微博"), ("类型", "微博"), ("保存时间", "2024-11-05T08:30:00Z"), ("目录日期", "2024-11-05"), ("作者", "科技日报")],
            metadata.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
    }

    [Fact]
    public async Task An_article_without_url_or_ai_summary_has_null_url_and_empty_summary()
    {
        var article = await client.GetJsonElementAsync($"/api/articles/{OldHousing}");

        Assert.Equal(JsonValueKind.Null, article.GetProperty("url").ValueKind);
        Assert.Equal("", article.GetProperty("aiSummary").GetString());
        Assert.Equal("多地老旧小区完成加装电梯和管网改造。", article.GetProperty("originalText").GetString());
    }

    [Fact]
    public async Task An_article_with_english_headings_is_read_like_a_chinese_one()
    {
        var article = await client.GetJsonElementAsync($"/api/articles/{RankingNotes}");

        Assert.Equal("ArXiv", article.GetProperty("source").GetString());
        Assert.Equal("论文", article.GetProperty("type").GetString());
        Assert.Equal("A study of ranking models trained on click logs.", article.GetProperty("aiSummary").GetString());
        Assert.Equal("We revisit learning to rank with click logs.", article.GetProperty("originalText").GetString());
        Assert.Equal(["Source", "Type", "Saved at", "Directory date"], article.GetProperty("metadata").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var problem = await client.GetProblemAsync("/api/articles/ffffffffffffffff", HttpStatusCode.NotFound);

        Assert.Equal(new Problem(404, "Article not found", "No article has the id 'ffffffffffffffff'.", "article_not_found", "id"), problem);
    }

    [Fact]
    public async Task The_malformed_file_has_no_article()
    {
        var problem = await client.GetProblemAsync($"/api/articles/{NoTitle}", HttpStatusCode.NotFound);

        Assert.Equal("article_not_found", problem.Code);
    }
}
