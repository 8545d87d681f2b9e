using ArchiveSearch.Engine.Analysis;

namespace ArchiveSearch.Engine.Tests.Analysis;

public class AnalyzerTests
{
    private static IReadOnlyList<string> Tokens(string text) => ArticleAnalyzer.Tokens(ArticleAnalyzer.Create(), "f", text);

    [Fact]
    public void Chinese_is_cut_into_words_and_punctuation_dropped()
    {
        Assert.Equal(["这", "一", "段", "讨论", "了", "向量", "数据库", "的", "索引"], Tokens("这一段讨论了向量数据库的索引。"));
    }

    [Fact]
    public void English_is_lower_cased_and_stemmed()
    {
        Assert.Equal(["vector", "databas", "ar", "run", "fast"], Tokens("Vector Databases are RUNNING fast!"));
    }

    [Fact]
    public void Full_width_letters_and_digits_fold_to_half_width()
    {
        Assert.Equal(Tokens("GPT5"), Tokens("ＧＰＴ５"));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_leave_no_broken_halves()
    {
        var tokens = Tokens("喜欢😀表情 𠮷野家 rust🦀");

        Assert.DoesNotContain(tokens, t => t.Any(char.IsSurrogate) && !t.Zip(t.Skip(1)).Any(p => char.IsHighSurrogate(p.First) && char.IsLowSurrogate(p.Second)));
        Assert.Contains("喜欢", tokens);
        Assert.Contains("rust", tokens);
    }

    [Fact]
    public async Task Concurrent_analysis_gives_the_same_tokens_as_sequential()
    {
        // SmartCn's sentence splitting (ICU4N) once raced under parallel load; indexing runs it on every core.
        var texts = Enumerable.Range(0, 40)
            .Select(i => $"第{i}篇：Anthropic 发布了 Claude 4 行为报告。向量数据库的索引很快！Rust 与 Go 的对比，{i} 个例子？表情😀结束。")
            .ToArray();
        var expected = texts.Select(Tokens).ToArray();
        var analyzer = ArticleAnalyzer.Create();

        var mismatches = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var bad = 0;
            for (var round = 0; round < 50; round++)
            {
                for (var i = 0; i < texts.Length; i++)
                {
                    var j = (i + worker * 7 + round) % texts.Length;
                    if (!ArticleAnalyzer.Tokens(analyzer, "f", texts[j]).SequenceEqual(expected[j])) bad++;
                }
            }
            return bad;
        })));

        Assert.All(mismatches, m => Assert.Equal(0, m));
    }

    [Fact]
    public void Traditional_chinese_is_cut_into_the_same_words_as_simplified()
    {
        Assert.Equal(["台", "积", "电", "法", "说", "会", "人工", "智慧", "需求", "强劲", "资料库"], Tokens("台積電法說會：人工智慧需求強勁，資料庫"));
        Assert.Equal(Tokens("台积电法说会：人工智慧需求强劲，资料库"), Tokens("台積電法說會：人工智慧需求強勁，資料庫"));
    }
}
