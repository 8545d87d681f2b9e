using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Related;

namespace ArchiveSearch.Engine.Tests.Related;

public class NearDuplicatesTests
{
    private static NearDuplicates.Print Print(string title, string text = "") =>
        new(new StoredArticle { Id = "x", RelativePath = "x.txt", Title = title, OriginalText = text });

    [Theory]
    [InlineData("#科技##芯片#量子计算芯片发布...", "量子计算芯片发布")]
    [InlineData("Claude 4 System Card: What's New?", "claude4systemcardwhatsnew")]
    [InlineData("臺灣量子電腦", "台湾量子电脑")]
    [InlineData("ＧＰＴ－４ｏ 发布", "gpt4o发布")]
    [InlineData("#话题#", "")]
    [InlineData("C# and F# notes", "candfnotes")]
    public void A_title_key_drops_leading_weibo_hashtags_punctuation_and_folds_case_width_and_script(string title, string key)
    {
        Assert.Equal(key, TitleKey.Of(title));
    }

    [Fact]
    public void The_same_title_once_normalized_is_a_near_duplicate_but_not_a_short_one()
    {
        Assert.True(NearDuplicates.Are(Print("#科技#量子计算芯片发布"), Print("量子计算芯片发布！")));
        Assert.False(NearDuplicates.Are(Print("新闻"), Print("新闻")));
        Assert.False(NearDuplicates.Are(Print("量子计算芯片发布"), Print("量子计算芯片发布会")));
    }

    [Fact]
    public void Texts_sharing_four_fifths_of_their_shingles_are_near_duplicates()
    {
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"段落{i}。"));
        var longer = text + string.Concat(Enumerable.Range(40, 4).Select(i => $"段落{i}。"));
        var muchLonger = text + string.Concat(Enumerable.Range(40, 14).Select(i => $"段落{i}。"));
        var different = string.Concat(Enumerable.Range(100, 40).Select(i => $"章节{i}。"));

        Assert.InRange(NearDuplicates.Similarity(NearDuplicates.ShinglesOf(text), NearDuplicates.ShinglesOf(longer)), 0.8, 0.95);
        Assert.InRange(NearDuplicates.Similarity(NearDuplicates.ShinglesOf(text), NearDuplicates.ShinglesOf(muchLonger)), 0.7, 0.8);
        Assert.True(NearDuplicates.Are(Print("一", text), Print("二", longer)));
        Assert.False(NearDuplicates.Are(Print("一", text), Print("二", muchLonger)));
        Assert.False(NearDuplicates.Are(Print("一", text), Print("二", different)));
    }

    [Fact]
    public void Short_texts_are_never_alike_by_text()
    {
        var a = NearDuplicates.ShinglesOf("短文本");
        Assert.Single(a);
        Assert.Equal(0, NearDuplicates.Similarity(a, a));
    }

    [Fact]
    public void Shingles_skip_punctuation_and_fold_like_titles()
    {
        Assert.Equal(NearDuplicates.ShinglesOf("Vector Search, 臺灣!"), NearDuplicates.ShinglesOf("vectorsearch台湾"));
        Assert.Equal(12, NearDuplicates.ShinglesOf("vectorsearch台湾").Count);
    }
}
