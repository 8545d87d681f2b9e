using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

/// <summary>A whole Weibo article in the archiver's shape, every field checked.</summary>
public class ArticleParserWeiboExampleTests
{
    private const string Html =
        "<a href=\"https://m.weibo.cn/search?containerid=231522type%3D1%26t%3D10%26q%3D%23%E5%9B%BD%E4%BA%A7%E5%A4%A7%E6%A8%A1%E5%9E%8B%E5%BC%80%E6%BA%90%23&amp;extparam=%23%E5%9B%BD%E4%BA%A7%23\" data-hide=\"\">" +
        "<span class=\"surl-text\">#国产大模型开源#</span></a>" +
        "<a href=\"https://m.weibo.cn/search?containerid=231522type%3D1%26t%3D10%26q%3D%23Qwen3%E6%8A%80%E6%9C%AF%23\" data-hide=\"\">" +
        "<span class=\"surl-text\">#Qwen3 技术报告#</span></a><br><br>" +
        "通义团队发布新一代模型，长文本能力大幅提升。<br><br>报告要点：<br><br>" +
        "- 训练数据 36T tokens &amp; 119 种语言；<br><br>" +
        "- 支持&#x4E2D;英混合推理&lt;思考模式&gt;。<br><br>" +
        "报告链接：github.com/example/report" +
        "<img style=\"\" src=\"https://wx1.sinaimg.cn/large/aaaa.jpg\" referrerpolicy=\"no-referrer\"><br><br>" +
        "<img style=\"\" src=\"https://wx2.sinaimg.cn/large/bbbb.jpg\" referrerpolicy=\"no-referrer\"><br><br>";

    private static readonly string Text = ArticleText.Lines(
        "# #国产大模型开源##Qwen3 技术报告#通义团队发布新一代模型，长文本能力大幅提升...",
        "",
        "**URL**: https://weibo.com/1234567890/AbCdEfGhI",
        "",
        "## 原始摘要",
        "",
        Html,
        "",
        "## AI 摘要",
        "",
        "通义团队发布技术报告，介绍混合推理模式与多语言训练。#开源模型#",
        "",
        "## 元数据",
        "",
        "- **来源**: 微博",
        "- **类型**: 动态",
        "- **保存时间**: 2025-05-14T08:30:00Z",
        "- **目录日期**: 2025-05-14");

    private static readonly Article Parsed = ArticleText.Parse(Text, "2025-05-14/007_3fa85f6457174562.txt");

    [Fact]
    public void Title_is_the_heading_text_with_its_hashtags_and_ellipsis()
    {
        Assert.Equal("#国产大模型开源##Qwen3 技术报告#通义团队发布新一代模型，长文本能力大幅提升...", Parsed.Title);
    }

    [Fact]
    public void Url_id_and_relative_path_are_read()
    {
        Assert.Equal("https://weibo.com/1234567890/AbCdEfGhI", Parsed.Url);
        Assert.Equal("3fa85f6457174562", Parsed.Id);
        Assert.Equal("2025-05-14/007_3fa85f6457174562.txt", Parsed.RelativePath);
    }

    [Fact]
    public void Original_html_is_kept_as_written()
    {
        Assert.Equal(Html, Parsed.OriginalHtml);
    }

    [Fact]
    public void Original_text_has_no_tags_links_or_images_and_decoded_entities()
    {
        Assert.Equal(
            "#国产大模型开源##Qwen3 技术报告#\n\n" +
            "通义团队发布新一代模型，长文本能力大幅提升。\n\n报告要点：\n\n" +
            "- 训练数据 36T tokens & 119 种语言；\n\n" +
            "- 支持中英混合推理<思考模式>。\n\n" +
            "报告链接：github.com/example/report",
            Parsed.OriginalText);
    }

    [Fact]
    public void Ai_summary_is_the_plain_text_section()
    {
        Assert.Equal("通义团队发布技术报告，介绍混合推理模式与多语言训练。#开源模型#", Parsed.AiSummary);
    }

    [Fact]
    public void Known_metadata_becomes_typed_fields()
    {
        Assert.Equal("微博", Parsed.Source);
        Assert.Equal("动态", Parsed.Type);
        Assert.Equal(new DateTimeOffset(2025, 5, 14, 8, 30, 0, TimeSpan.Zero), Parsed.SavedAt);
        Assert.Equal(TimeSpan.Zero, Parsed.SavedAt!.Value.Offset);
        Assert.Equal(new DateOnly(2025, 5, 14), Parsed.DirectoryDate);
        Assert.Equal(new DateOnly(2025, 5, 14), Parsed.Date);
    }

    [Fact]
    public void Every_metadata_entry_is_listed_in_file_order()
    {
        Assert.Equal(
            [new("来源", "微博"), new("类型", "动态"), new("保存时间", "2025-05-14T08:30:00Z"), new("目录日期", "2025-05-14")],
            Parsed.Metadata);
    }

    [Fact]
    public void Hashtags_come_from_title_html_and_ai_summary_once_each()
    {
        Assert.Equal(
            [new Hashtag("国产大模型开源", "国产大模型开源"), new Hashtag("Qwen3 技术报告", "qwen3 技术报告"), new Hashtag("开源模型", "开源模型")],
            Parsed.Hashtags);
    }

    [Fact]
    public void Content_hash_is_lowercase_sha256_of_the_bytes()
    {
        // sha256 of the 4 bytes "# T\n", computed with sha256sum.
        var article = ArticleText.Parse("# T\n");
        Assert.Equal("63f9dda6643341501cef7b9d2a8a2bcefda8ec16d62d0ef2ce63dc2b9a69424f", article.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", Parsed.ContentHash);
        Assert.NotEqual(Parsed.ContentHash, ArticleText.Parse(Text + " ").ContentHash);
    }
}
