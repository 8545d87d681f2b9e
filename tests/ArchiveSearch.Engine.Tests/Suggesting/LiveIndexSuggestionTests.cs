using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Related;
using ArchiveSearch.Engine.Suggesting;
using ArchiveSearch.Engine.Tests.Support;

namespace ArchiveSearch.Engine.Tests.Suggesting;

/// <summary>One suggester and one related-articles finder for the service's lifetime, over the live index as reindexing changes and swaps it.</summary>
public sealed class LiveIndexSuggestionTests : IDisposable
{
    private readonly TempLiveIndex index = new();

    private void Write(string id, string title) => index.Write($"2025-01-01/000_{id}.txt", $"""
        # {title}

        ## 原始摘要

        {title}。研究团队发布了新的进展。

        ## 元数据

        - **来源**: 微博
        - **保存时间**: 2025-01-01T00:00:00Z

        """);

    private IReadOnlyList<(string, int)> Hashtags(Suggester suggester, string q) =>
        suggester.Suggest(new SuggestRequest { Query = q }).Suggestions.Select(s => (s.Text, s.Count)).ToList();

    [Fact]
    public void Suggestions_and_related_articles_follow_incremental_runs_and_full_rebuilds_of_the_live_index()
    {
        var suggester = new Suggester(index.Live);
        var related = new RelatedArticles(index.Live);
        Write("a000000000000001", "#量子计算#芯片发布");
        Write("a000000000000002", "#量子计算#芯片量产");
        Write("a000000000000003", "#量子计算#芯片出口");
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        Assert.Equal([("量子计算", 3)], Hashtags(suggester, "#量子"));

        File.Delete(index.PathOf("2025-01-01/000_a000000000000003.txt"));
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Incremental);
        Assert.Equal([("量子计算", 2)], Hashtags(suggester, "#量子"));

        Write("a000000000000004", "#量子通信#卫星");
        Reindexer.Run(index.Live, index.Archive, ReindexMode.Full);
        Assert.Equal("gen-000002", index.Live.Generation);
        Assert.Equal([("量子计算", 2), ("量子通信", 1)], Hashtags(suggester, "#量子"));
        var like = related.Find(new RelatedRequest { Id = "a000000000000001" })!.Articles.Select(a => a.Id).ToList();
        Assert.Equal("a000000000000002", like[0]);
        Assert.DoesNotContain("a000000000000003", like);
        Assert.Null(related.Find(new RelatedRequest { Id = "a000000000000003" }));
    }

    public void Dispose() => index.Dispose();
}
