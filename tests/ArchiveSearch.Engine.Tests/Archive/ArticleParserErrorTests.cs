using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

/// <summary>Input that is not an article throws <see cref="ArticleFormatException"/> with a reason and, where it helps, a line.</summary>
public class ArticleParserErrorTests
{
    private static ArticleFormatException Rejects(byte[] bytes) =>
        Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse(bytes, "bad.txt"));

    private static ArticleFormatException Rejects(string text) => Rejects(ArticleText.Utf8(text));

    [Fact]
    public void Empty_file_is_rejected()
    {
        var error = Rejects([]);

        Assert.Equal("The file is empty.", error.Reason);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Whitespace_only_file_is_rejected()
    {
        var error = Rejects(" \n\r\n\t\n");

        Assert.Equal("The file contains only white space.", error.Reason);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Bom_only_file_is_rejected()
    {
        Assert.Equal("The file contains only white space.", Rejects([0xEF, 0xBB, 0xBF]).Reason);
    }

    [Fact]
    public void Gbk_bytes_are_not_utf8_and_the_line_is_named()
    {
        // "# 标题\n" then "中文" in GBK (D6 D0 CE C4) on line 2.
        byte[] bytes = [.. ArticleText.Utf8("# 标题\n"), 0xD6, 0xD0, 0xCE, 0xC4, (byte)'\n'];

        var error = Rejects(bytes);

        Assert.Equal("The file is not valid UTF-8 (bad byte 0xD6); re-save it as UTF-8.", error.Reason);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Truncated_utf8_sequence_at_the_end_is_rejected()
    {
        var error = Rejects([.. ArticleText.Utf8("# 标题"), 0xE4, 0xB8]);

        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("Just some text\n# Title later\n", 1)]
    [InlineData("\n\n#\n", 3)]
    [InlineData("## 原始摘要\n正文\n", 1)]
    [InlineData("#Title without a space\n", 1)]
    [InlineData("#    \n", 1)]
    public void First_non_blank_line_must_be_a_title(string text, int line)
    {
        var error = Rejects(text);

        Assert.Equal("No title line: the first non-blank line must be '# ' followed by the title.", error.Reason);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Unparseable_saved_time_names_its_line()
    {
        var error = Rejects(ArticleText.Lines("# 标题", "", "## 元数据", "", "- **来源**: 微博", "- **保存时间**: 昨天下午"));

        Assert.Equal("Unparseable saved time '昨天下午': expected ISO-8601 such as 2025-05-23T12:04:29Z.", error.Reason);
        Assert.Equal(6, error.Line);
        Assert.Equal("Line 6: " + error.Reason, error.Message);
    }

    [Fact]
    public void Time_without_a_date_is_unparseable()
    {
        var error = Rejects(ArticleText.Lines("# T", "## Metadata", "- **Saved at**: 12:04"));

        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("2025/05/23")]
    [InlineData("2025-5-23")]
    [InlineData("2025-02-30")]
    [InlineData("2025-05-23T00:00:00Z")]
    public void Directory_date_must_be_exactly_yyyy_MM_dd(string value)
    {
        var error = Rejects(ArticleText.Lines("# T", "## 元数据", $"- **目录日期**: {value}"));

        Assert.Equal($"Unparseable directory date '{value}': expected yyyy-MM-dd such as 2025-05-23.", error.Reason);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void File_over_the_size_limit_is_rejected()
    {
        var bytes = new byte[ArticleParser.MaxFileBytes + 1];
        Array.Fill(bytes, (byte)'a');
        ArticleText.Utf8("# T\n").CopyTo(bytes, 0);

        var error = Rejects(bytes);

        Assert.Equal("The file is 5,242,881 bytes, over the 5,242,880-byte limit for an article.", error.Reason);
    }

    [Fact]
    public void File_exactly_at_the_size_limit_is_accepted()
    {
        var bytes = new byte[ArticleParser.MaxFileBytes];
        Array.Fill(bytes, (byte)'a');
        ArticleText.Utf8("# T\n").CopyTo(bytes, 0);

        Assert.Equal("T", ArticleParser.Parse(bytes, "big.txt").Title);
    }
}
