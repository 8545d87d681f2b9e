using ArchiveSearch.Engine.Suggesting;

namespace ArchiveSearch.Engine.Tests.Suggesting;

public class TypedTextTests
{
    [Fact]
    public void An_unclosed_hash_is_a_hashtag_being_typed_and_the_text_before_it_is_kept()
    {
        var typed = TypedText.Read("量子 #Claude 4");

        Assert.True(typed.TypingHashtag);
        Assert.Equal("claude 4", typed.HashtagPrefix);
        Assert.Equal("量子", typed.WithoutHashtag);
        Assert.Null(typed.LastWord);
    }

    [Fact]
    public void A_hash_ending_a_latin_word_is_part_of_it_not_a_hashtag_being_typed()
    {
        Assert.False(TypedText.Read("learning C#").TypingHashtag);
        Assert.True(TypedText.Read("learning C#r").TypingHashtag);
        Assert.True(TypedText.Read("量子#").TypingHashtag);
    }

    [Fact]
    public void A_closed_hashtag_or_plain_words_may_begin_a_hashtag_as_a_whole()
    {
        Assert.Equal(("量子计算", false), (TypedText.Read("#量子计算#").HashtagPrefix, TypedText.Read("#量子计算#").TypingHashtag));
        Assert.Equal("claude 4", TypedText.Read("  Claude   4").HashtagPrefix);
        Assert.Equal("", TypedText.Read("Claude").WithoutHashtag);
    }

    [Fact]
    public void A_space_typed_after_a_word_is_kept_in_the_hashtag_prefix_and_ends_the_word()
    {
        var typed = TypedText.Read("#Claude ");

        Assert.Equal("claude ", typed.HashtagPrefix);
        Assert.True(TypedText.Read("vector ").EndsInSpace);
        Assert.Null(TypedText.Read("vector ").LastWord);
    }

    [Fact]
    public void The_last_latin_word_is_lower_cased_and_width_folded_where_it_was_typed()
    {
        Assert.Equal(new WordFragment(7, "data", false), TypedText.Read("vector Data").LastWord);
        Assert.Equal(new WordFragment(3, "gpt4", false), TypedText.Read("量子 ＧＰＴ4").LastWord);
        Assert.Equal(new WordFragment(9, "rust", false), TypedText.Read("读完Claude rust").LastWord);
    }

    [Fact]
    public void The_last_chinese_run_is_folded_to_simplified_and_read_at_most_eight_characters_back()
    {
        Assert.Equal(new WordFragment(2, "量子电", true), TypedText.Read("Go量子電").LastWord);
        Assert.Equal(new WordFragment(2, "三四五六七八九十", true), TypedText.Read("一二三四五六七八九十").LastWord);
    }

    [Fact]
    public void Punctuation_at_the_end_leaves_no_word_to_complete()
    {
        Assert.Null(TypedText.Read("量子计算？").LastWord);
        Assert.Null(TypedText.Read("vector,").LastWord);
    }
}
