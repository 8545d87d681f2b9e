using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Benchmarks;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Benchmarks;

/// <summary>The token counts `bench index` reports beside Java's: each reading's tokens, as its analysis cut the texts.</summary>
public sealed class IndexedTokensTests
{
    [Fact]
    public void Each_reading_counts_every_token_its_analysis_makes_of_every_article()
    {
        var articles = new[]
        {
            Make("a1", "行为报告", ai: "开源大模型的行为报告。", original: "Search engines index 向量数据库 quickly", tags: ["机器学习", "Rust"]),
            Make("a2", "Rust search", ai: "", original: "行为报告 行为报告 和 数据库", tags: ["rust"]),
        };
        using var index = new TempIndex(articles);
        using var lease = index.Index.AcquireSearcher();

        var tokens = IndexedTokens.Of(lease.Searcher.IndexReader);

        // 行为报告 is two SmartCn words and three bigrams, whatever else the articles hold.
        var analyzer = ArticleAnalyzer.Create();
        Assert.Equal(["行为", "报告"], ArticleAnalyzer.Tokens(analyzer, IndexSchema.Title, "行为报告"));
        Assert.Equal(["行为", "为报", "报告"], ArticleAnalyzer.Tokens(analyzer, IndexSchema.TitleBigrams, "行为报告"));
        long Count(string field, Func<Engine.Archive.Article, string> text) => articles.Sum(a => ArticleAnalyzer.Tokens(analyzer, field, text(a)).Count);
        Assert.Equal(Count(IndexSchema.Title, a => a.Title) + Count(IndexSchema.AiSummary, a => a.AiSummary) + Count(IndexSchema.OriginalText, a => a.OriginalText),
            tokens.SmartCn);
        Assert.Equal(Count(IndexSchema.TitleBigrams, a => a.Title) + Count(IndexSchema.AiSummaryBigrams, a => a.AiSummary)
            + Count(IndexSchema.OriginalTextBigrams, a => a.OriginalText), tokens.Bigrams);
        Assert.Equal(articles.Sum(a => a.Hashtags.Sum(t => ArticleAnalyzer.Tokens(analyzer, IndexSchema.HashtagText, t.Display).Count)), tokens.Hashtags);
        Assert.True(tokens.Bigrams > tokens.SmartCn, $"{tokens}");
        Assert.Equal(tokens.SmartCn + tokens.Bigrams + tokens.Hashtags, tokens.Total);
    }
}
