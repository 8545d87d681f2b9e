using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Suggesting;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Suggesting.SuggestionKind;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Suggesting;

public sealed class SuggesterTests : IDisposable
{
    private readonly TempIndex index = new(
        Make("c1", "#Claude 4 发布##Claude#Anthropic 发布 Claude Opus 4", tags: ["Claude 4 发布", "Claude"], saved: "2025-05-23T00:00:00Z"),
        Make("c2", "Claude 4 system card", tags: ["Claude"], saved: "2025-05-24T00:00:00Z"),
        Make("c3", "读完 Claude 4 行为报告", tags: ["Claude4行为报告", "claude"], saved: "2025-05-25T00:00:00Z"),
        Make("v1", "Vector databases in practice", saved: "2025-01-15T00:00:00Z"),
        Make("v2", "Vector search at scale", saved: "2025-01-16T00:00:00Z"),
        Make("r1", "Rust 1.85 released", saved: "2025-02-03T00:00:00Z"),
        Make("r2", "Rustaceans on async Rust", saved: "2025-02-04T00:00:00Z"),
        Make("q1", "量子计算芯片发布", tags: ["量子计算"], saved: "2024-11-05T00:00:00Z"),
        Make("q2", "量子通信", saved: "2024-11-06T00:00:00Z"));

    private IReadOnlyList<Suggestion> Suggest(string q, int size = SuggestRequest.DefaultSize) =>
        new Suggester(index.Index).Suggest(new SuggestRequest { Query = q, Size = size }).Suggestions;

    [Fact]
    public void A_typed_hashtag_suggests_the_hashtags_it_begins_most_articles_first_as_most_spell_them()
    {
        Assert.Equal(
        [
            new Suggestion(Hashtag, "Claude", 3, ""),
            new Suggestion(Hashtag, "Claude 4 发布", 1, ""),
            new Suggestion(Hashtag, "Claude4行为报告", 1, ""),
        ], Suggest("#Cla"));
    }

    [Fact]
    public void Words_typed_before_the_hashtag_stay_in_the_query_and_a_space_in_the_hashtag_narrows_it()
    {
        Assert.Equal([new Suggestion(Hashtag, "Claude 4 发布", 1, "量子")], Suggest("量子 #claude "));
    }

    [Fact]
    public void A_lone_hash_suggests_the_most_used_hashtags()
    {
        Assert.Equal(["Claude", "Claude 4 发布"], Suggest("#", size: 2).Select(s => s.Text));
    }

    [Fact]
    public void The_last_latin_word_completes_to_title_words_and_titles_containing_the_text_follow()
    {
        Assert.Equal(
        [
            new Suggestion(Word, "databases", 1, "vector databases"),
            new Suggestion(Title, "Vector databases in practice", 1, "Vector databases in practice"),
        ], Suggest("vector data"));
    }

    [Fact]
    public void A_word_completes_to_longer_words_only_in_most_titles_first()
    {
        var words = Suggest("rust").Where(s => s.Kind == Word);

        Assert.Equal([new Suggestion(Word, "rustaceans", 1, "rustaceans")], words);
    }

    [Fact]
    public void After_a_space_no_word_is_completed_and_titles_match_the_word_whole()
    {
        var suggestions = Suggest("rust ");

        Assert.DoesNotContain(suggestions, s => s.Kind == Word);
        Assert.Equal(["Rustaceans on async Rust", "Rust 1.85 released"], suggestions.Where(s => s.Kind == Title).Select(s => s.Text));
    }

    [Fact]
    public void Hashtags_words_and_titles_share_the_size_evenly_and_leave_unused_shares_to_the_others()
    {
        var suggestions = Suggest("cla", size: 4);

        Assert.Equal([Hashtag, Hashtag, Word, Title], suggestions.Select(s => s.Kind));
        Assert.Equal(new Suggestion(Word, "claude", 3, "claude"), suggestions[2]);
    }

    [Fact]
    public void Share_takes_kinds_in_turns()
    {
        Suggestion S(string text) => new(Word, text, 1, text);

        Assert.Equal(["h1", "w1", "t1"], Suggester.Share(3, [S("h1"), S("h2"), S("h3")], [S("w1")], [S("t1"), S("t2")]).Select(s => s.Text));
        Assert.Equal(["h1", "h2", "h3", "w1", "t1", "t2"], Suggester.Share(10, [S("h1"), S("h2"), S("h3")], [S("w1")], [S("t1"), S("t2")]).Select(s => s.Text));
    }

    [Fact]
    public void Titles_that_are_one_title_once_normalized_are_one_suggestion_counting_both()
    {
        using var twice = new TempIndex(
            Make("a", "#科技#量子计算芯片发布", tags: ["科技"], source: "微博"),
            Make("b", "量子计算芯片发布！", source: "RSS"),
            Make("c", "量子计算入门", source: "RSS"));

        var titles = new Suggester(twice.Index).Suggest(new SuggestRequest { Query = "量子计算" }).Suggestions.Where(s => s.Kind == Title).ToList();

        // Shown as the better match spells it (the shorter title).
        Assert.Equal([("量子计算芯片发布！", 2), ("量子计算入门", 1)], titles.Select(t => (t.Text, t.Count)));
    }

    [Fact]
    public void A_chinese_run_completes_from_its_longest_end_that_begins_a_title_word_traditional_folded()
    {
        // SmartCn reads the titles as 量子 计算 芯片 发布 and 量子 通信.
        Assert.Equal([new Suggestion(Word, "量子", 2, "我想看量子")], Suggest("我想看量").Where(s => s.Kind == Word));
        Assert.Equal([new Suggestion(Word, "计算", 1, "量子计算")], Suggest("量子計").Where(s => s.Kind == Word));
        // 量子 is a whole word that no title word continues: nothing to complete.
        Assert.DoesNotContain(Suggest("我想看量子"), s => s.Kind == Word);
    }

    [Fact]
    public void A_chinese_run_matches_titles_containing_it()
    {
        Assert.Equal(["量子计算芯片发布"], Suggest("计算芯").Where(s => s.Kind == Title).Select(s => s.Text));
    }

    [Fact]
    public void A_text_matching_more_titles_than_are_ranked_answers_from_the_first_ones_in_index_order()
    {
        // Equal titles but for the number: equal BM25, so the newest of the ranked ones comes first.
        var many = Enumerable.Range(0, TitleSuggestions.MaxRanked + 44)
            .Select(i => Make($"n{i}", $"Vector note {i}", saved: new DateTime(2025, 1, 1).AddHours(i).ToString("O"))).ToArray();
        using var large = new TempIndex(many);

        var titles = new Suggester(large.Index).Suggest(new SuggestRequest { Query = "vector no", Size = 2 }).Suggestions.Where(s => s.Kind == Title);

        Assert.Equal([$"Vector note {TitleSuggestions.MaxRanked - 1}"], titles.Select(t => t.Text));
    }

    [Fact]
    public void Counts_follow_the_index_a_deleted_article_no_longer_counts_and_a_new_one_does()
    {
        index.Index.Delete("c2");
        index.Index.Commit();
        Assert.Equal(2, Suggest("#claude").Single(s => s.Text == "Claude").Count);
        Assert.Equal(2, Suggest("claud").Single(s => s.Kind == Word).Count);

        index.Index.Upsert(Make("c4", "Claude Code notes", tags: ["Claude"]));
        index.Index.Upsert(Make("c5", "Claude Code again", tags: ["Claude"]));
        index.Index.Commit();
        Assert.Equal(4, Suggest("#claude").Single(s => s.Text == "Claude").Count);
    }

    [Fact]
    public void Nothing_in_the_index_begins_with_the_text_answers_no_suggestions()
    {
        Assert.Empty(Suggest("qwxzyplonk"));
        Assert.Empty(Suggest("#qwxz"));
        Assert.Empty(Suggest("？！"));
    }

    [Theory]
    [InlineData("", 8, "q")]
    [InlineData("   ", 8, "q")]
    [InlineData(null, 8, "q")]
    [InlineData("vector", 0, "size")]
    [InlineData("vector", 21, "size")]
    public void Bad_input_names_the_parameter(string? q, int size, string parameter)
    {
        var e = Assert.Throws<InvalidSearchRequestException>(() => new Suggester(index.Index).Suggest(new SuggestRequest { Query = q, Size = size }));

        Assert.Equal(parameter, e.Parameter);
    }

    [Fact]
    public void A_query_over_the_length_limit_is_refused()
    {
        var e = Assert.Throws<InvalidSearchRequestException>(() => Suggest(new string('a', 101)));

        Assert.Equal("q is 101 characters long; at most 100 are allowed for suggestions.", e.Message);
        Assert.Empty(Suggest(new string('a', 100)));
    }

    public void Dispose() => index.Dispose();
}
