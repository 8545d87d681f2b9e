using ArchiveSearch.Engine.Highlighting;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Highlighting;

public class HighlightTests
{
    [Fact]
    public void Matches_are_marked_and_everything_else_is_escaped()
    {
        using var index = new TempIndex(Make("x", "<b>Rust</b> & friends", ai: "Why \"Rust\" <script>alert(1)</script> matters."));

        var highlights = index.Search("rust").Hits.Single().Highlights;

        Assert.Equal("&lt;b&gt;<mark>Rust</mark>&lt;/b&gt; &amp; friends", highlights.Title);
        Assert.Equal("Why &quot;<mark>Rust</mark>&quot; &lt;script&gt;alert(1)&lt;/script&gt; matters.", highlights.Snippet);
        Assert.Equal("aiSummary", highlights.SnippetField);
    }

    [Fact]
    public void Every_hit_of_a_page_is_marked_at_its_own_characters_whichever_segment_holds_it()
    {
        // Three commits, three segments; the relevance order (b, d, a) is not the document order (a, b, d).
        using var index = new TempIndex(Make("a", "一篇关于向量的笔记", ai: "开头 向量"));
        index.Index.Upsert(Make("b", "向量 向量 向量", ai: "讲 向量 和 向量 索引"));
        index.Index.Commit();
        index.Index.Upsert(Make("c", "无关", ai: "没有那个词"));
        index.Index.Upsert(Make("d", "向量数据库与向量", ai: "向量 向量 向量 向量"));
        index.Index.Commit();

        var hits = index.Search("向量").Hits;

        Assert.Equal(["b", "d", "a"], hits.Select(h => h.Id));
        Assert.Equal("<mark>向量</mark> <mark>向量</mark> <mark>向量</mark>", hits[0].Highlights.Title);
        Assert.Equal("讲 <mark>向量</mark> 和 <mark>向量</mark> 索引", hits[0].Highlights.Snippet);
        Assert.Equal("<mark>向量</mark>数据库与<mark>向量</mark>", hits[1].Highlights.Title);
        Assert.Equal("<mark>向量</mark> <mark>向量</mark> <mark>向量</mark> <mark>向量</mark>", hits[1].Highlights.Snippet);
        Assert.Equal("一篇关于<mark>向量</mark>的笔记", hits[2].Highlights.Title);
        Assert.Equal("开头 <mark>向量</mark>", hits[2].Highlights.Snippet);
    }

    [Fact]
    public void Chinese_words_are_marked_at_their_exact_characters()
    {
        using var index = new TempIndex(Make("x", "模型行为报告", ai: "Anthropic 发布了行为报告。"));

        var highlights = index.Search("行为报告").Hits.Single().Highlights;

        // Adjacent matches merge into one mark.
        Assert.Equal("模型<mark>行为报告</mark>", highlights.Title);
        Assert.Equal("Anthropic 发布了<mark>行为报告</mark>。", highlights.Snippet);
    }

    [Fact]
    public void A_long_text_yields_a_short_passage_around_the_densest_matches()
    {
        var filler = string.Concat(Enumerable.Repeat("今天天气不错，我们去公园散步。", 30));
        var text = filler + "这一段讨论了向量数据库的索引，向量数据库很快。" + filler;
        using var index = new TempIndex(Make("x", "笔记", original: text));

        var snippet = index.Search("向量数据库").Hits.Single().Highlights.Snippet;

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.True(snippet.Contains("这一段讨论了<mark>向量数据库</mark>的索引", StringComparison.Ordinal), snippet);
        var plain = snippet.Replace("<mark>", "").Replace("</mark>", "").Trim('…');
        Assert.InRange(plain.Length, 100, SnippetBuilder.TargetLength);
    }

    [Fact]
    public void The_snippet_comes_from_the_original_text_when_it_matches_more()
    {
        using var index = new TempIndex(Make("x", "笔记", ai: "一篇笔记。", original: "关于 Lucene 的笔记：Lucene 的倒排索引。"));

        var highlights = index.Search("lucene").Hits.Single().Highlights;

        Assert.Equal("originalText", highlights.SnippetField);
        Assert.Equal("关于 <mark>Lucene</mark> 的笔记：<mark>Lucene</mark> 的倒排索引。", highlights.Snippet);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("𠮷", 300)) + " rust";
        using var index = new TempIndex(Make("x", "emoji", original: text));

        var snippet = index.Search("rust").Hits.Single().Highlights.Snippet;

        for (var i = 0; i < snippet.Length; i++)
        {
            if (char.IsHighSurrogate(snippet[i])) Assert.True(char.IsLowSurrogate(snippet[i + 1]));
            else Assert.False(char.IsLowSurrogate(snippet[i]) && (i == 0 || !char.IsHighSurrogate(snippet[i - 1])));
        }
        Assert.EndsWith("<mark>rust</mark>", snippet);
    }

    [Fact]
    public void A_match_at_the_very_end_still_gets_a_full_length_passage()
    {
        var text = string.Concat(Enumerable.Repeat("今天天气不错，我们去公园散步。", 30)) + "最后提到 Rust。";
        using var index = new TempIndex(Make("x", "笔记", original: text));

        var snippet = index.Search("rust").Hits.Single().Highlights.Snippet;

        Assert.EndsWith("最后提到 <mark>Rust</mark>。", snippet);
        Assert.StartsWith("…今天天气不错", snippet);
        Assert.InRange(snippet.Replace("<mark>", "").Replace("</mark>", "").Length, 150, SnippetBuilder.TargetLength + 1);
    }

    [Fact]
    public void An_english_passage_neither_starts_nor_ends_inside_a_word()
    {
        var words = string.Join(' ', Enumerable.Range(0, 120).Select(i => i % 7 == 0 ? "filtering" : "alpha" + i));
        using var index = new TempIndex(Make("x", "notes", original: words + " the vector index " + words));

        var snippet = index.Search("vector").Hits.Single().Highlights.Snippet;
        var plain = snippet.Replace("<mark>", "").Replace("</mark>", "").Trim('…');

        Assert.Contains("<mark>vector</mark>", snippet);
        Assert.All(plain.Split(' '), word => Assert.True(word is "the" or "vector" or "index" or "filtering" || word.StartsWith("alpha", StringComparison.Ordinal), word));
    }

    [Fact]
    public void Without_a_query_the_snippet_is_the_start_of_the_summary()
    {
        using var index = new TempIndex(Make("x", "标题", ai: "摘要的开头。"));

        var highlights = index.Search().Hits.Single().Highlights;

        Assert.Equal("标题", highlights.Title);
        Assert.Equal("摘要的开头。", highlights.Snippet);
    }
}
