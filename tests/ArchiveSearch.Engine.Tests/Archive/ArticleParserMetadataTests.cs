using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

public class ArticleParserMetadataTests
{
    private static Article WithMetadata(params string[] lines) =>
        ArticleText.Parse(ArticleText.Lines(["# 标题", "", "## 元数据", "", .. lines]));

    [Fact]
    public void Unknown_keys_are_kept_in_file_order_beside_known_ones()
    {
        var article = WithMetadata("- **作者**: 张三", "- **来源**: ArXiv", "- **Score**: 42");

        Assert.Equal([new("作者", "张三"), new("来源", "ArXiv"), new("Score", "42")], article.Metadata);
        Assert.Equal("ArXiv", article.Source);
    }

    [Fact]
    public void Loosely_written_lines_are_accepted()
    {
        var article = WithMetadata(
            "-  **来源**:微博",
            "* **类型**: 论文",
            "- **保存时间**：2025-05-23T12:04:29Z",
            "- **Directory date:** 2025-05-23",
            "not a metadata line");

        Assert.Equal("微博", article.Source);
        Assert.Equal("论文", article.Type);
        Assert.Equal(new DateTimeOffset(2025, 5, 23, 12, 4, 29, TimeSpan.Zero), article.SavedAt);
        Assert.Equal(new DateOnly(2025, 5, 23), article.DirectoryDate);
        Assert.Equal(4, article.Metadata.Count);
    }

    [Fact]
    public void Empty_value_of_a_known_key_is_absent_but_listed()
    {
        var article = WithMetadata("- **来源**: ", "- **保存时间**:");

        Assert.Null(article.Source);
        Assert.Null(article.SavedAt);
        Assert.Equal([new("来源", ""), new("保存时间", "")], article.Metadata);
    }

    [Fact]
    public void Saved_time_with_an_offset_is_that_instant_in_utc()
    {
        var article = WithMetadata("- **保存时间**: 2025-05-24T01:30:00+08:00");

        Assert.Equal(new DateTimeOffset(2025, 5, 23, 17, 30, 0, TimeSpan.Zero), article.SavedAt);
        Assert.Equal(TimeSpan.Zero, article.SavedAt!.Value.Offset);
        Assert.Equal(new DateOnly(2025, 5, 23), article.Date);
    }

    [Fact]
    public void Saved_time_without_an_offset_is_utc()
    {
        var article = WithMetadata("- **保存时间**: 2025-05-23T23:59:00");

        Assert.Equal(new DateTimeOffset(2025, 5, 23, 23, 59, 0, TimeSpan.Zero), article.SavedAt);
        Assert.Equal(new DateOnly(2025, 5, 23), article.Date);
    }

    [Fact]
    public void Date_falls_back_to_the_directory_date()
    {
        var article = WithMetadata("- **目录日期**: 2024-12-31");

        Assert.Null(article.SavedAt);
        Assert.Equal(new DateOnly(2024, 12, 31), article.Date);
    }

    [Fact]
    public void First_value_of_a_repeated_known_key_wins()
    {
        var article = WithMetadata("- **来源**: 微博", "- **Source**: Twitter");

        Assert.Equal("微博", article.Source);
        Assert.Equal(2, article.Metadata.Count);
    }
}
