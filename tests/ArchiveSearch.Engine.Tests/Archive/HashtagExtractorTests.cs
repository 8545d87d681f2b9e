using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

public class HashtagExtractorTests
{
    private static string[] Displays(params string[] texts) => [.. HashtagExtractor.Extract(texts).Select(tag => tag.Display)];

    [Fact]
    public void Weibo_tags_back_to_back_are_both_found()
    {
        Assert.Equal(["A", "B"], Displays("#A##B#"));
        Assert.Equal(["国产大模型开源", "Qwen3 技术报告"], Displays("#国产大模型开源##Qwen3 技术报告#正文"));
    }

    [Fact]
    public void Weibo_tags_may_contain_spaces()
    {
        Assert.Equal(["123页 Claude 4 报告"], Displays("看 #123页 Claude 4 报告# 的内容"));
    }

    [Fact]
    public void Weibo_tag_longer_than_64_characters_is_not_a_tag()
    {
        var tag65 = new string('长', 65);
        var tag64 = new string('长', 64);

        Assert.Empty(Displays($"#{tag65}#"));
        Assert.Equal([tag64], Displays($"#{tag64}#"));
    }

    [Fact]
    public void Weibo_tag_does_not_span_lines()
    {
        Assert.Empty(Displays("开头#第一行\n第二行#结尾"));
    }

    [Fact]
    public void Sharp_language_names_are_not_tags()
    {
        Assert.Empty(Displays("C# and F#"));
        Assert.Empty(Displays("I write C# daily"));
    }

    [Fact]
    public void Twitter_tags_separated_by_words_are_not_one_weibo_tag()
    {
        Assert.Equal(["rust", "go"], Displays("#rust and #go"));
    }

    [Fact]
    public void Twitter_tags_in_english_text()
    {
        Assert.Equal(["MachineLearning", "AI_safety", "GPT4o", "大模型"],
            Displays("New paper on #MachineLearning and #AI_safety, compared with #GPT4o. #大模型"));
    }

    [Fact]
    public void Twitter_tag_needs_a_space_or_start_before_it_and_a_non_digit()
    {
        Assert.Empty(Displays("issue #1 today", "#42", "see page.html#anchor"));
        Assert.Equal(["2025年"], Displays("#2025年"));
    }

    [Fact]
    public void Markdown_heading_markers_are_not_tags()
    {
        Assert.Empty(Displays("## Heading", "# Title", "### 三级标题"));
    }

    [Fact]
    public void Title_text_starting_with_a_weibo_tag_keeps_it()
    {
        var article = ArticleText.Parse("# #标题话题#正文\n");

        Assert.Equal([new Hashtag("标题话题", "标题话题")], article.Hashtags);
    }

    [Fact]
    public void Heading_marker_of_the_title_line_is_never_a_tag()
    {
        var article = ArticleText.Parse("# Title mentions C# only\n");

        Assert.Empty(article.Hashtags);
    }

    [Fact]
    public void Full_width_forms_fold_and_case_insensitive_duplicates_keep_the_first_spelling()
    {
        var tags = HashtagExtractor.Extract("#ＯｐｅｎＡＩ　发布会#", "#openai 发布会# and #OpenAI 发布会#", "#Rust", "#rust #RUST");

        Assert.Equal([new Hashtag("OpenAI 发布会", "openai 发布会"), new Hashtag("Rust", "rust")], tags);
    }

    [Fact]
    public void A_later_hash_on_the_same_line_pairs_up_as_a_weibo_tag()
    {
        // The rules as specified: content that neither starts with a space nor ends in one before a word is Weibo.
        Assert.Equal(["1 and page.html"], Displays("issue #1 and page.html#anchor"));
    }

    [Fact]
    public void Weibo_tag_ending_in_space_before_punctuation_is_still_a_tag()
    {
        Assert.Equal(["话题"], Displays("#话题 #。"));
    }

    [Fact]
    public void Tags_are_deduplicated_across_texts_in_first_seen_order()
    {
        Assert.Equal(["b", "a", "c"], Displays("#b# #a#", "#a# #c#", "#B#"));
    }
}
