using ArchiveSearch.Engine.Searching;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>The search page sends every keystroke with the last word as a prefix: a half-typed word already finds.</summary>
public class AsYouTypeTests
{
    private static TempIndex Index() => new(
        Make("anthropic", "Anthropic releases Claude", ai: "Anthropic 发布了新模型。"),
        Make("anthro", "Anthro notes", ai: "A note about the word anthro."),
        Make("claude", "Claude Monet", ai: "Paintings by Claude Monet."),
        Make("report", "发布了行为报告", ai: "行为报告全文。"),
        Make("weather", "今天的天气", ai: "北京晴。"));

    private static SearchResponse Typed(TempIndex index, string q) =>
        index.Searcher.Search(new SearchRequest { Query = q, PrefixLast = true, Size = 100 });

    [Fact]
    public void A_half_typed_word_finds_the_words_it_begins_and_marks_them()
    {
        using var index = new TempIndex(
            Make("anthropic", "Anthropic releases Claude", ai: "Anthropic 发布了新模型。"),
            Make("weather", "今天的天气", ai: "北京晴。"));

        var response = Typed(index, "Anthr");

        Assert.Equal(["anthropic"], response.Hits.Select(h => h.Id));
        Assert.Equal("<mark>Anthropic</mark> releases Claude", response.Hits[0].Highlights.Title);
        // Without the switch a half word is a whole word, found nowhere.
        Assert.Empty(index.Ids("Anthr"));
    }

    [Fact]
    public void The_word_as_typed_ranks_above_the_words_it_begins()
    {
        using var index = Index();

        Assert.Equal(["anthro", "anthropic"], Typed(index, "anthro").Hits.Select(h => h.Id));
    }

    [Fact]
    public void Only_the_last_word_is_a_prefix_and_not_once_a_space_follows_it()
    {
        using var index = Index();

        // "anthro" typed whole, "cla" being typed: the word ranks above its completions (Claude, in two articles).
        var ids = Typed(index, "anthro cla").Hits.Select(h => h.Id).ToList();
        Assert.Equal("anthro", ids[0]);
        Assert.Equal(["anthropic", "claude"], ids.Skip(1).Order());
        Assert.Equal(["anthro"], Typed(index, "anthro ").Hits.Select(h => h.Id));
        // An earlier word stays whole: "cla" begins Claude but is not the last word.
        Assert.Equal(["anthro", "anthropic"], Typed(index, "cla anthro").Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_chinese_run_being_typed_finds_and_marks_the_word_it_begins()
    {
        using var index = Index();

        var response = Typed(index, "行为报");

        Assert.Equal("report", response.Hits[0].Id);
        Assert.Equal("发布了<mark>行为报告</mark>", response.Hits[0].Highlights.Title);
    }

    [Fact]
    public void A_prefix_too_short_to_expand_is_searched_as_a_word_without_error()
    {
        using var index = Index();

        Assert.Equal(index.Ids("a"), Typed(index, "a").Hits.Select(h => h.Id));
    }

    public static TheoryData<string> Hostile() =>
    [
        "", " ", "*", "\"", "-", "+", "a*", "--x", "title:", "#", "\"unclosed", "ab\"", "𠀀𠀁𠀂", "\u0000\u0001", "ｏｐｅｎ ｓｏ",
        "中", "的", "the", "-anthro", "title:anth", "hashtag:cla", string.Concat(Enumerable.Repeat("anthropic", 110)),
        string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}ord")), "\uD83D", "a\u0301nthro",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Any_text_typed_with_prefix_last_answers_or_is_refused_with_a_named_parameter(string q)
    {
        using var index = Index();

        try
        {
            Typed(index, q);
        }
        catch (ArchiveSearch.Engine.Errors.InvalidSearchRequestException e)
        {
            Assert.Equal("q", e.Parameter);
        }
    }
}
