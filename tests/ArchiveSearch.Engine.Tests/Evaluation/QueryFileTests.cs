using ArchiveSearch.Engine.Evaluation;

namespace ArchiveSearch.Engine.Tests.Evaluation;

public sealed class QueryFileTests
{
    [Fact]
    public void Reads_query_and_id_per_line_skipping_comments_and_blank_lines()
    {
        var queries = QueryFile.Parse(["# query\tid", "", "向量 数据库\t00000000000000a1", "  ", "vector search\t00000000000000a2\r"]);

        Assert.Equal(
            [new EvalQuery("向量 数据库", "00000000000000a1", 3), new EvalQuery("vector search", "00000000000000a2", 5)],
            queries);
    }

    [Theory]
    [InlineData("no tab here", "expected 2 tab-separated fields")]
    [InlineData("a\tb\tc", "found 3")]
    [InlineData("\t00000000000000a1", "the query is empty")]
    [InlineData("query\t", "is not an article id")]
    public void A_malformed_line_is_an_error_naming_its_line(string bad, string reason)
    {
        var e = Assert.Throws<QueryFileFormatException>(() => QueryFile.Parse(["# header", "ok\t00000000000000a1", bad]));

        Assert.Equal(3, e.Line);
        Assert.StartsWith("line 3: ", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("软件包管理", "zh")]
    [InlineData("apt-get 命令", "zh")]
    [InlineData("軟體套件", "zh")]
    [InlineData("\U00020000", "zh")]
    [InlineData("package management", "en")]
    [InlineData("Ｃｌａｕｄｅ４", "en")]
    [InlineData("カタカナ", "en")]
    public void A_query_is_chinese_when_it_contains_a_cjk_ideograph(string query, string language) =>
        Assert.Equal(language, QueryLanguage.Of(query));
}
