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
}
