using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Related;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Related;

public sealed class RelatedArticlesTests : IDisposable
{
    private const string ChipText = "研究团队发布新一代量子计算芯片，超导量子比特的相干时间提升了三倍，错误率下降了一半，纠错实验首次低于阈值。";

    private readonly TempIndex index = new(
        Make("chip", "量子计算芯片发布", ai: "新一代量子计算芯片，超导量子比特相干时间提升。", original: ChipText, tags: ["量子计算"], source: "微博"),
        Make("chip-rss", "#科技#量子计算芯片发布！", ai: "另一份摘要。", original: "转载：" + ChipText, source: "RSS"),
        Make("chip-text", "新芯片：相干时间提升三倍", ai: "量子芯片。", original: ChipText + "（完）", source: "知乎"),
        Make("qec", "超导量子比特纠错实验综述", ai: "超导量子比特的纠错实验进展。", original: "纠错阈值与超导量子比特。", source: "ArXiv"),
        Make("tag", "年终盘点", ai: "今年的科技新闻。", original: "回顾今年。", tags: ["量子计算"], source: "微博"),
        Make("food", "成都火锅避坑指南", ai: "火锅店推荐。", original: "成都的火锅店，锅底和油碟。", source: "知乎"),
        Make("food2", "重庆火锅地图", ai: "火锅店地图。", original: "重庆的火锅店和小面。", source: "知乎"));

    private RelatedResponse Related(string id, int size = RelatedRequest.DefaultSize) =>
        new RelatedArticles(index.Index).Find(new RelatedRequest { Id = id, Size = size })!;

    [Fact]
    public void Articles_sharing_the_rarest_words_come_first_and_the_article_itself_never()
    {
        var related = Related("chip").Articles.Select(a => a.Id).ToList();

        Assert.DoesNotContain("chip", related);
        Assert.Equal(["chip-rss", "chip-text", "qec"], related.Take(3).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("food", related);
    }

    [Fact]
    public void A_shared_hashtag_relates_articles_with_no_word_in_common()
    {
        Assert.Contains("tag", Related("chip").Articles.Select(a => a.Id));
        Assert.Equal(["chip"], Related("tag").Articles.Select(a => a.Id));
    }

    [Fact]
    public void Near_duplicates_are_flagged_by_their_normalized_title_or_their_text()
    {
        var flags = Related("chip").Articles.ToDictionary(a => a.Id, a => a.NearDuplicate);

        // Same title once the leading #科技# and the ！ are dropped; the same text under another title.
        Assert.True(flags["chip-rss"]);
        Assert.True(flags["chip-text"]);
        Assert.False(flags["qec"]);
        Assert.False(flags["tag"]);
    }

    [Fact]
    public void Related_articles_are_described_as_hits_are_with_positive_scores_best_first()
    {
        var articles = Related("food").Articles;

        var first = Assert.Single(articles);
        Assert.Equal(("food2", "重庆火锅地图", "知乎"), (first.Id, first.Title, first.Source));
        Assert.True(first.Score > 0);
    }

    [Fact]
    public void Size_bounds_the_list()
    {
        Assert.Single(Related("chip", size: 1).Articles);
    }

    [Fact]
    public void An_unknown_id_has_no_answer()
    {
        Assert.Null(new RelatedArticles(index.Index).Find(new RelatedRequest { Id = "nope" }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_size_out_of_range_is_refused(int size)
    {
        var e = Assert.Throws<InvalidSearchRequestException>(() => Related("chip", size));

        Assert.Equal(("size", "size must be between 1 and 20."), (e.Parameter, e.Message));
    }

    public void Dispose() => index.Dispose();
}
