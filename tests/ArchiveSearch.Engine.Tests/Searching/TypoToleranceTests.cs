using ArchiveSearch.Engine.Searching;
using ArchiveSearch.Engine.Tests.Support;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

/// <summary>Meilisearch's rule: a Latin word of 5+ letters matches with one typo, 9+ with two, below exact matches.</summary>
public class TypoToleranceTests
{
    [Fact]
    public void A_misspelt_word_still_finds_the_article_and_marks_the_right_spelling()
    {
        using var index = new TempIndex(
            Make("anthropic", "Anthropic releases Claude", ai: "New models."),
            Make("other", "Weather today", ai: "Sunny."));

        var response = index.Search("anthropik");

        Assert.Equal(["anthropic"], response.Hits.Select(h => h.Id));
        Assert.Equal("<mark>Anthropic</mark> releases Claude", response.Hits[0].Highlights.Title);
    }

    [Fact]
    public void Beside_a_misspelt_word_a_chinese_word_is_marked_whole_and_nothing_else()
    {
        using var index = new TempIndex(
            Make("a", "Anthropic 的向量数据库", ai: "据说库存的数据库。"),
            Make("other", "Weather today", ai: "Sunny."));

        var hit = index.Search("数据库 anthropik").Hits.Single();

        Assert.Equal("<mark>Anthropic</mark> 的向量<mark>数据库</mark>", hit.Highlights.Title);
        Assert.Equal("据说库存的<mark>数据库</mark>。", hit.Highlights.Snippet);
    }

    [Fact]
    public void A_word_the_archive_uses_is_taken_as_meant()
    {
        // "kernal" is in three articles: it is what the user meant, not a typo of kernel.
        using var index = new TempIndex([
            Make("kernel", "Kernel kernel kernel", ai: "kernel kernel kernel"),
            .. Enumerable.Range(0, MisspellingQuery.WellKnown).Select(i => Make($"kernal{i}", $"Notes on the kernal {i}", ai: "A misspelling used on purpose."))]);

        Assert.DoesNotContain("kernel", index.Ids("kernal"));
        Assert.Equal(MisspellingQuery.WellKnown, index.Ids("kernal").Count);
    }

    [Fact]
    public void The_exact_spelling_ranks_above_a_typo_match_even_when_the_typo_match_repeats_the_word()
    {
        using var index = new TempIndex(
            Make("typo", "Kernel kernel kernel", ai: "kernel kernel kernel"),
            Make("exact", "Notes on the kernal", ai: "A misspelling used on purpose."));

        Assert.Equal(["exact", "typo"], index.Ids("kernal"));
    }

    [Fact]
    public void Two_typos_are_forgiven_from_nine_letters_on_and_one_below()
    {
        using var index = new TempIndex(
            Make("long", "Kubernetes clusters", ai: "Orchestration."),
            Make("short", "Linux kernel", ai: "Drivers."));

        Assert.Equal(["long"], index.Ids("kubernatis"));  // two edits, ten letters
        Assert.Equal(["short"], index.Ids("kernal"));     // one edit, six letters
        Assert.Empty(index.Ids("kornal"));                 // two edits, six letters
    }

    [Theory]
    [InlineData("rusk", "Rust")]        // under five letters
    [InlineData("12346", "12345")]     // numbers
    [InlineData("modal3", "model2")]   // letters and digits
    [InlineData("GREYX", "GREYC")]     // an acronym typed in capitals
    public void Short_words_and_numbers_must_be_exact(string typed, string indexed)
    {
        using var index = new TempIndex(Make("a", $"{indexed} notes", ai: "Text."));

        Assert.Empty(index.Ids(typed));
    }

    [Fact]
    public void A_run_of_letters_longer_than_any_word_gets_no_typo_search()
    {
        using var index = new TempIndex(Make("a", "Notes"));
        var compiler = new QueryCompiler(index.Index.Analyzer);

        Assert.Single(compiler.Compile(new string('k', 32)).Misspellings);
        Assert.Empty(compiler.Compile(new string('k', 33)).Misspellings);
        Assert.Empty(index.Ids(string.Concat(Enumerable.Repeat("abcdefghij", 99))));
    }

    [Fact]
    public void Without_the_feature_a_typo_finds_nothing()
    {
        using var index = new TempIndex(Make("anthropic", "Anthropic releases Claude"));

        Assert.Empty(index.Ids("anthropik", RelevanceFeatures.Default with { Typos = false }));
    }
}
