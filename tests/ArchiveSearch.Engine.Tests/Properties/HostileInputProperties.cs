using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Properties;

/// <summary>Whatever is typed or found on disk, the engine answers or refuses with its own error: never anything else.</summary>
public sealed class HostileInputProperties : IClassFixture<HostileInputProperties.SmallIndex>
{
    private readonly SmallIndex index;

    public HostileInputProperties(SmallIndex index) => this.index = index;

    public sealed class SmallIndex : IDisposable
    {
        internal TempIndex Index { get; } = new(
            Make("a", "Anthropic 发布 Claude 4 行为报告", ai: "行为报告 #rust", tags: ["Claude 4 发布"], saved: "2025-05-23T00:00:00Z"),
            Make("b", "Vector databases in Rust", ai: "向量数据库", source: "ArXiv", saved: "2024-01-02T00:00:00Z"));

        public void Dispose() => Index.Dispose();
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(Arbitraries)])]
    public void Any_query_is_parsed_without_an_exception(string query)
    {
        var clauses = UserQueryParser.Parse(query);

        Assert.All(clauses, c => Assert.False(string.IsNullOrEmpty(c.Text)));
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(Arbitraries)])]
    public void Any_query_is_answered_or_refused_as_a_bad_parameter(string query)
    {
        try
        {
            var response = index.Index.Searcher.Search(new SearchRequest { Query = query });
            Assert.InRange(response.Total, 0, 2);
            Assert.All(response.Hits, h => Assert.DoesNotContain("<script>", h.Highlights.Snippet + h.Highlights.Title));
        }
        catch (InvalidSearchRequestException e)
        {
            Assert.Equal("q", e.Parameter);
        }
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(Arbitraries)])]
    public void Any_bytes_parse_to_an_article_or_a_format_error(byte[] bytes)
    {
        try
        {
            var article = ArticleParser.Parse(bytes, "2025-01-01/000_0123456789abcdef.txt");
            Assert.False(string.IsNullOrWhiteSpace(article.Title));
            Assert.All(article.Hashtags, t => Assert.False(string.IsNullOrWhiteSpace(t.Key)));
        }
        catch (ArticleFormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Reason));
        }
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(Arbitraries)])]
    public void Any_text_analyses_without_an_exception_or_broken_halves(string text)
    {
        var tokens = ArticleAnalyzer.Tokens(ArticleAnalyzer.Create(), "f", text);

        Assert.All(tokens, t => Assert.False(t.Length == 1 && char.IsSurrogate(t[0])));
    }

    public static class Arbitraries
    {
        public static Arbitrary<string> Strings() => HostileInput.Queries();

        public static Arbitrary<byte[]> Bytes() => HostileInput.ArticleBytes();
    }
}
