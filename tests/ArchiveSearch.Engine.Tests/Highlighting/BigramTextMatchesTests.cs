using ArchiveSearch.Engine.Highlighting;

namespace ArchiveSearch.Engine.Tests.Highlighting;

public class BigramTextMatchesTests
{
    private static List<MatchSpan> Find(string text, params string[] terms)
    {
        var spans = new List<MatchSpan>();
        new BigramTextMatches(terms).AddMatches(text, spans);
        return spans;
    }

    [Fact]
    public void A_pair_is_marked_wherever_its_two_characters_stand_side_by_side()
    {
        Assert.Equal([new MatchSpan(2, 4), new MatchSpan(6, 8)], Find("关于数据和大数据", "数据"));
    }

    [Fact]
    public void Traditional_text_is_matched_through_the_folding_at_its_own_characters()
    {
        Assert.Equal([new MatchSpan(0, 2)], Find("資料庫很快", "资料"));
    }

    [Fact]
    public void A_single_character_term_matches_only_a_character_with_no_cjk_neighbour()
    {
        // The bigram reading makes 数 a term of its own only where it stands alone, as in "第 数 页"; inside 数据 it is a pair.
        Assert.Equal([new MatchSpan(3, 4)], Find("数据 数 x数据", "数"));
    }

    [Fact]
    public void Latin_terms_and_longer_words_are_left_to_the_smartcn_reading()
    {
        Assert.Empty(Find("open source 数据库", "open", "数据库"));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_pair_up_as_whole_code_points()
    {
        Assert.Equal([new MatchSpan(1, 4)], Find("x𠮷野家", "𠮷野"));
    }

    [Fact]
    public void A_text_of_basic_plane_characters_gets_the_spans_the_code_point_reading_finds()
    {
        // The fast reading of ordinary text against the general one, over texts mixing Simplified and Traditional
        // characters, Latin letters, spaces and punctuation, with pair and single terms drawn from the same characters.
        const string alphabet = "数据資料资料库庫模型训練训练 x,。a数";
        var random = new Random(20261202);
        for (var round = 0; round < 2000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var terms = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => new string([.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => "数据资料库模型训练"[random.Next(9)])]))
                .ToArray();
            var matches = new BigramTextMatches(terms);
            var fast = new List<MatchSpan>();
            matches.AddMatches(text, fast);
            var general = new List<MatchSpan>();
            matches.AddMatchesByCodePoint(text, general);
            Assert.True(general.SequenceEqual(fast), $"'{text}' with {string.Join(' ', terms)}: {string.Join(' ', fast)} against {string.Join(' ', general)}");
        }
    }
}
