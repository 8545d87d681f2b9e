using System.Text;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;
using Lucene.Net.Index;
using Lucene.Net.Store;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Indexing;

public sealed class StoredFieldsCodecTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-codec-" + Guid.NewGuid().ToString("N"));

    /// <summary>Texts of every size around the 16 KB chunk, in both scripts, with emoji and HTML, each different.</summary>
    private static string Text(int n)
    {
        var random = new Random(n);
        var text = new StringBuilder();
        var length = n % 7 == 0 ? 40_000 + random.Next(20_000) : random.Next(0, 6_000);
        string[] pieces = ["开源大模型", "数据库", " search engine ", "<b>粗体</b>", "😀", "\u00e9t\u00e9 ", "行为报告。", "\n"];
        while (text.Length < length) text.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(1000));
        return text.ToString();
    }

    private static string[] Sample => Enumerable.Range(0, 120).Select(Text).ToArray();

    [Fact]
    public void Every_stored_text_reads_back_exactly_across_chunks_commits_and_a_merge()
    {
        var texts = Sample;
        using (var index = SearchIndex.Open(folder, ArticleAnalyzer.Create()))
        {
            for (var i = 0; i < texts.Length; i++)
            {
                index.Upsert(Make($"a{i}", $"标题 {i}", ai: texts[(i + 1) % texts.Length], original: texts[i]));
                if (i % 40 == 39) index.Commit();
            }
            index.Commit();
            AssertStored(index, texts);
            // Merging copies the compressed chunks of segments written with the same codec as they are.
            index.Compact(maxSegments: 1);
            index.Commit();
            AssertStored(index, texts);
        }
        using var reopened = SearchIndex.OpenReadOnly(folder, ArticleAnalyzer.Create());
        AssertStored(reopened, texts);
    }

    [Fact]
    public void The_index_is_written_with_the_archive_codec()
    {
        using (var index = SearchIndex.Open(folder, ArticleAnalyzer.Create()))
        {
            index.Upsert(Make("a", "标题", original: Text(7)));
            index.Commit();
        }
        using var directory = FSDirectory.Open(folder);
        var infos = new SegmentInfos();
        infos.Read(directory);
        Assert.NotEmpty(infos.Segments);
        Assert.All(infos.Segments, segment => Assert.Equal("ArchiveSearch46", segment.Info.Codec.Name));
    }

    private static void AssertStored(SearchIndex index, string[] texts)
    {
        var searcher = new ArticleSearcher(index);
        for (var i = 0; i < texts.Length; i++)
        {
            var article = searcher.Get($"a{i}");
            Assert.NotNull(article);
            Assert.Equal(texts[i], article.OriginalText);
            Assert.Equal(texts[i], article.OriginalHtml);
            Assert.Equal(texts[(i + 1) % texts.Length], article.AiSummary);
            Assert.Equal($"标题 {i}", article.Title);
        }
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
    }
}
