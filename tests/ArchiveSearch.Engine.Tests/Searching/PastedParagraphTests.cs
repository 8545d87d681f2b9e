using ArchiveSearch.Engine.Searching;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>
/// A pasted paragraph may hold more distinct words than a search scores: it is searched by its first words, and the
/// answer names the words left out, instead of refusing the paste.
/// </summary>
public sealed class PastedParagraphTests
{
    private const string Paragraph =
        "城市交通管理部门昨天发布了新的出行指南，建议市民在早晚高峰期间优先选择地铁和公交车，同时提醒驾驶员注意雨天路滑，减速慢行。"
        + "指南还介绍了共享单车停放的规定，要求使用者把车辆停在指定区域，不得占用盲道和消防通道。对于违反规定的行为，执法人员将依法处罚，"
        + "并通过手机应用向公众公布处理结果。专家认为，这些措施有助于缓解拥堵，提高道路安全水平，也让老年人和残疾人出行更加方便。";

    private static SearchResponse Search(TempIndex index, string? q, int? maxWords = null) => index.Searcher.Search(new SearchRequest
    {
        Query = q,
        Size = 20,
        Limits = maxWords is { } max ? SearchLimits.Default with { MaxQueryWords = max } : SearchLimits.Default,
    });

    [Fact]
    public void A_pasted_chinese_paragraph_over_the_word_limit_finds_its_article_first()
    {
        using var index = new TempIndex(
            Make("source", "出行指南发布", original: "本报讯 " + Paragraph + " 记者 王明"),
            Make("head", "城市交通管理的新办法", original: "城市交通管理部门发布出行指南，市民可以选择地铁。"),
            Make("tail", "老年人更加方便", original: "专家认为老年人残疾人更加方便，道路安全水平提高，拥堵缓解。"));

        var response = Search(index, Paragraph);

        Assert.Equal(64, SearchLimits.Default.MaxQueryWords);
        Assert.Equal("source", response.Hits[0].Id);
        // SmartCn cuts the paragraph into 86 distinct words: the first 64 are searched, the last 22 are named, in order.
        Assert.Equal(22, response.UnsearchedWords.Count);
        Assert.Equal(["向", "公众", "公布"], response.UnsearchedWords.Take(3));
        Assert.Equal("方便", response.UnsearchedWords[^1]);
        Assert.DoesNotContain("城市", response.UnsearchedWords);
        // What matches only the unsearched tail is no answer; what matches its head is.
        Assert.Contains("head", response.Hits.Select(h => h.Id));
        Assert.DoesNotContain("tail", response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Words_past_the_limit_are_not_searched_and_are_named_as_typed()
    {
        using var index = new TempIndex(
            Make("head", "Alpha bravo field notes"),
            Make("tail", "Foxtrot golf field notes"));

        var response = Search(index, "alpha bravo charlie delta echo Foxtrot golf", maxWords: 5);

        Assert.Equal(["head"], response.Hits.Select(h => h.Id));
        Assert.Equal(1, response.Total);
        Assert.Equal(["Foxtrot", "golf"], response.UnsearchedWords);
    }

    [Fact]
    public void A_word_repeated_past_the_limit_is_searched_already_and_not_named()
    {
        using var index = new TempIndex(Make("a", "alpha notes"));

        var response = Search(index, "alpha bravo charlie delta echo alpha foxtrot", maxWords: 5);

        Assert.Equal(["foxtrot"], response.UnsearchedWords);
        Assert.Equal(["a"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_word_left_out_is_named_once_however_often_it_is_repeated()
    {
        using var index = new TempIndex(Make("a", "alpha notes"));

        var response = Search(index, "alpha bravo charlie delta echo foxtrot golf foxtrot 城市交通 golf 城市交通", maxWords: 5);

        Assert.Equal(["foxtrot", "golf", "城市交通"], response.UnsearchedWords);
    }

    [Fact]
    public void A_chinese_run_is_cut_after_the_words_that_fit()
    {
        using var index = new TempIndex(
            Make("head", "城市交通管理", original: "城市交通管理"),
            Make("tail", "部门昨天发布", original: "部门昨天发布"));

        var response = Search(index, "城市交通管理部门昨天发布", maxWords: 3);

        Assert.Equal(["部门", "昨天", "发布"], response.UnsearchedWords);
        Assert.Equal(["head"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Phrases_and_prefixes_past_the_limit_are_named_as_typed()
    {
        using var index = new TempIndex(Make("a", "alpha bravo charlie"));

        var response = Search(index, "alpha bravo charlie \"delta echo\" foxt*", maxWords: 3);

        Assert.Equal(["\"delta echo\"", "foxt*"], response.UnsearchedWords);
        Assert.Equal(["a"], response.Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_query_within_the_limit_names_nothing()
    {
        using var index = new TempIndex(Make("a", "alpha bravo charlie"));

        Assert.Empty(Search(index, "alpha bravo charlie delta echo").UnsearchedWords);
        Assert.Empty(Search(index, "alpha bravo", maxWords: 2).UnsearchedWords);
        Assert.Empty(Search(index, null).UnsearchedWords);
    }
}
