using System.Net;
using ArchiveSearch.Api.Tests.Support;
using static ArchiveSearch.Api.Tests.Support.SampleArticles;

namespace ArchiveSearch.Api.Tests;

/// <summary>
/// <c>GET /api/articles/{id}/related</c> over <see cref="SampleArticles"/> plus a second copy of one article, saved from
/// another source under the same title with its Weibo hashtags left off.
/// </summary>
public sealed class RelatedEndpointTests : IDisposable
{
    private const string QuantumChipCopy = "b100000000000001";

    private readonly SearchApplication app = new();
    private readonly HttpClient client;

    public RelatedEndpointTests()
    {
        app.WriteArchiveFile($"2024-11-06/000_{QuantumChipCopy}.txt", """
            # 中国团队发布新一代量子计算芯片！

            **URL**: https://news.example.com/quantum-chip

            ## 原始摘要

            <p>研究团队表示，新芯片的相干时间提升了三倍，错误率下降了一半。</p>

            ## AI 摘要

            新一代量子计算芯片发布。

            ## 元数据

            - **来源**: RSS
            - **类型**: 新闻
            - **保存时间**: 2024-11-06T08:00:00Z
            - **目录日期**: 2024-11-06

            """);
        client = app.CreateClient();
    }

    [Fact]
    public async Task The_copy_comes_first_flagged_as_a_near_duplicate_and_the_article_itself_is_not_listed()
    {
        var related = await client.GetOkAsync<RelatedResult>($"/api/articles/{QuantumChip}/related");

        Assert.Equal(QuantumChip, related.Id);
        Assert.DoesNotContain(QuantumChip, related.Articles.Select(a => a.Id));
        var first = related.Articles[0];
        Assert.Equal((QuantumChipCopy, "中国团队发布新一代量子计算芯片！", "RSS", true), (first.Id, first.Title, first.Source, first.NearDuplicate));
        Assert.All(related.Articles.Skip(1), a => Assert.False(a.NearDuplicate, a.Id));
    }

    [Fact]
    public async Task Articles_sharing_a_hashtag_or_its_words_are_related_and_size_bounds_the_list()
    {
        var related = await client.GetOkAsync<RelatedResult>($"/api/articles/{QuantumChip}/related?size=2");

        // The copy shares its words; the year in review shares #科技前沿# and 量子计算.
        Assert.Equal([QuantumChipCopy, YearInReview], related.Articles.Select(a => a.Id));
        Assert.True(related.Articles[0].Score > related.Articles[1].Score);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem_like_the_article_endpoint()
    {
        var problem = await client.GetProblemAsync("/api/articles/ffffffffffffffff/related", HttpStatusCode.NotFound);

        Assert.Equal(new Problem(404, "Article not found", "No article has the id 'ffffffffffffffff'.", "article_not_found", "id"), problem);
    }

    [Theory]
    [InlineData("size=0", "size must be between 1 and 20.")]
    [InlineData("size=21", "size must be between 1 and 20.")]
    [InlineData("size=x", "size must be a whole number, not 'x'.")]
    public async Task A_bad_size_is_a_400_problem_whatever_the_id(string query, string detail)
    {
        var problem = await client.GetProblemAsync($"/api/articles/{new string('f', 300)}/related?{query}", HttpStatusCode.BadRequest);

        Assert.Equal(new Problem(400, "Invalid parameter", detail, "invalid_parameter", "size"), problem);
    }

    public void Dispose() => app.Dispose();

    private sealed record RelatedResult(string Id, RelatedItem[] Articles, double TookMs);

    private sealed record RelatedItem(string Id, float Score, string Title, string? Url, string? Source, string? Type,
        DateTimeOffset? SavedAt, DateOnly? Date, string[] Hashtags, bool NearDuplicate);
}
