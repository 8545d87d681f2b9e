using System.Text;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

/// <summary>Line endings, BOM, optional parts and English headings.</summary>
public class ArticleParserLayoutTests
{
    private static readonly string[] FullArticle =
    [
        "# Rust 2024 edition lands",
        "",
        "**URL**: https://example.org/rust-2024 ",
        "",
        "## Original summary",
        "",
        "<p>The <b>2024</b> edition is out.</p><p>Upgrade with cargo fix.</p>",
        "",
        "## AI summary",
        "",
        "Rust ships its 2024 edition.",
        "Migration is mostly automatic.",
        "",
        "## Metadata",
        "",
        "- **Source**: Hacker News",
        "- **Type**: news",
        "- **Saved at**: 2025-02-20T17:45:10Z",
        "- **Directory date**: 2025-02-20",
    ];

    [Fact]
    public void English_headings_and_keys_are_read()
    {
        var article = ArticleText.Parse(ArticleText.Lines(FullArticle));

        Assert.Equal("Rust 2024 edition lands", article.Title);
        Assert.Equal("https://example.org/rust-2024", article.Url);
        Assert.Equal("The 2024 edition is out.\nUpgrade with cargo fix.", article.OriginalText);
        Assert.Equal("Rust ships its 2024 edition.\nMigration is mostly automatic.", article.AiSummary);
        Assert.Equal("Hacker News", article.Source);
        Assert.Equal("news", article.Type);
        Assert.Equal(new DateTimeOffset(2025, 2, 20, 17, 45, 10, TimeSpan.Zero), article.SavedAt);
        Assert.Equal(new DateOnly(2025, 2, 20), article.DirectoryDate);
    }

    [Fact]
    public void Headings_and_keys_match_case_insensitively_with_extra_spaces()
    {
        var article = ArticleText.Parse(ArticleText.Lines(
            "# Title",
            "##   ORIGINAL SUMMARY  ",
            "<p>text</p>",
            "## ai Summary",
            "ai text",
            "## metadata",
            "- **SOURCE**: arXiv",
            "- **saved time**: 2025-01-02T03:04:05Z",
            "- **DIRECTORY DATE**: 2025-01-02"));

        Assert.Equal("text", article.OriginalText);
        Assert.Equal("ai text", article.AiSummary);
        Assert.Equal("arXiv", article.Source);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), article.SavedAt);
        Assert.Equal(new DateOnly(2025, 1, 2), article.DirectoryDate);
    }

    [Fact]
    public void Ai_summary_heading_without_space_is_accepted()
    {
        var article = ArticleText.Parse(ArticleText.Lines("# 标题", "## AI摘要", "摘要内容"));

        Assert.Equal("摘要内容", article.AiSummary);
    }

    [Fact]
    public void Crlf_line_endings_parse_like_lf()
    {
        var lf = ArticleText.Parse(ArticleText.Lines(FullArticle));
        var crlf = ArticleText.Parse(string.Join("\r\n", FullArticle) + "\r\n");

        Assert.Equal(lf.Title, crlf.Title);
        Assert.Equal(lf.Url, crlf.Url);
        Assert.Equal(lf.OriginalHtml, crlf.OriginalHtml);
        Assert.Equal(lf.AiSummary, crlf.AiSummary);
        Assert.Equal("Rust ships its 2024 edition.\nMigration is mostly automatic.", crlf.AiSummary);
        Assert.Equal(lf.Metadata, crlf.Metadata);
        Assert.Equal(lf.SavedAt, crlf.SavedAt);
    }

    [Fact]
    public void Utf8_bom_is_stripped_before_the_title()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(ArticleText.Utf8("# 带BOM的标题\n")).ToArray();

        var article = ArticleParser.Parse(bytes, "a.txt");

        Assert.Equal("带BOM的标题", article.Title);
    }

    [Fact]
    public void Blank_lines_before_the_title_are_allowed()
    {
        var article = ArticleText.Parse("\n  \n\r\n#   Spaced title  \n");

        Assert.Equal("Spaced title", article.Title);
    }

    [Fact]
    public void Title_only_file_has_empty_sections_and_no_url_or_metadata()
    {
        var article = ArticleText.Parse("# 只有标题");

        Assert.Equal("只有标题", article.Title);
        Assert.Null(article.Url);
        Assert.Equal("", article.OriginalHtml);
        Assert.Equal("", article.OriginalText);
        Assert.Equal("", article.AiSummary);
        Assert.Null(article.Source);
        Assert.Null(article.Type);
        Assert.Null(article.SavedAt);
        Assert.Null(article.DirectoryDate);
        Assert.Null(article.Date);
        Assert.Empty(article.Metadata);
        Assert.Empty(article.Hashtags);
    }

    [Fact]
    public void Missing_url_ai_summary_and_metadata_are_fine()
    {
        var article = ArticleText.Parse(ArticleText.Lines("# 标题", "", "## 原始摘要", "", "正文<br>第二行", ""));

        Assert.Null(article.Url);
        Assert.Equal("正文<br>第二行", article.OriginalHtml);
        Assert.Equal("正文\n第二行", article.OriginalText);
        Assert.Equal("", article.AiSummary);
        Assert.Empty(article.Metadata);
        Assert.Null(article.Date);
    }

    [Fact]
    public void Unknown_sections_are_ignored_and_end_the_previous_section()
    {
        var article = ArticleText.Parse(ArticleText.Lines(
            "# 标题", "## 原始摘要", "正文", "## 评论", "- **来源**: 不算", "## AI 摘要", "总结"));

        Assert.Equal("正文", article.OriginalHtml);
        Assert.Equal("总结", article.AiSummary);
        Assert.Null(article.Source);
        Assert.Empty(article.Metadata);
    }

    [Fact]
    public void Url_line_after_the_first_section_is_not_the_url()
    {
        var article = ArticleText.Parse(ArticleText.Lines("# 标题", "## AI 摘要", "**URL**: https://example.org/"));

        Assert.Null(article.Url);
        Assert.Equal("**URL**: https://example.org/", article.AiSummary);
    }
}
