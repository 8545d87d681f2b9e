using System.Text;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Codecs.PerField;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Indexing;

/// <summary>
/// The postings merge that writes the text fields on several threads (<see cref="ParallelMergePostingsFormat"/>) must
/// give the index a single-threaded build would have: same terms, documents, frequencies, positions and offsets.
/// </summary>
public sealed class ParallelMergeTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "as-merge-" + Guid.NewGuid().ToString("N"));

    private string Folder(string name) => Path.Combine(root, name);

    private static string Text(int n, int words)
    {
        var random = new Random(n);
        string[] pieces = ["开源大模型", "数据库", "search engine", "向量检索", "😀", "行为报告", "Rust", "é", "city travel", "芯片", "能源", "。", "，", "\n"];
        var text = new StringBuilder();
        for (var i = 0; i < words; i++) text.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(50)).Append(' ');
        return text.ToString();
    }

    private static IEnumerable<Engine.Archive.Article> Articles(int count) => Enumerable.Range(0, count).Select(n => Make(
        $"a{n:D4}", Text(n, 6), ai: Text(n + 10_000, 40), original: Text(n + 20_000, n % 17 == 0 ? 2_000 : 150),
        tags: n % 3 == 0 ? ["标签" + (n % 7)] : null, source: n % 2 == 0 ? "微博" : "ArXiv"));

    [Fact]
    public void A_merge_of_many_segments_has_the_postings_of_one_flush_of_the_same_articles()
    {
        using (var flushedOnce = SearchIndex.Open(Folder("once"), ArticleAnalyzer.Create()))
        {
            foreach (var article in Articles(300)) flushedOnce.AddNew(article);
            flushedOnce.Commit();
            Assert.Equal(1, flushedOnce.SegmentCount);
        }
        using (var merged = SearchIndex.Open(Folder("merged"), ArticleAnalyzer.Create()))
        {
            var n = 0;
            foreach (var article in Articles(300))
            {
                merged.AddNew(article);
                if (++n % 25 == 0) merged.Commit();
            }
            merged.Commit();
            Assert.True(merged.SegmentCount >= 2, $"{merged.SegmentCount} segments before the merge");
            merged.Compact(maxSegments: 1);
            merged.Commit();
            Assert.Equal(1, merged.SegmentCount);
        }

        using var once = DirectoryReader.Open(FSDirectory.Open(Folder("once")));
        using var merge = DirectoryReader.Open(FSDirectory.Open(Folder("merged")));
        var postings = AssertSamePostings(once.Leaves[0].AtomicReader, merge.Leaves[0].AtomicReader);
        Assert.True(postings > 100_000, $"{postings} postings compared");
    }

    [Fact]
    public void Each_text_field_and_each_reading_is_written_by_a_postings_writer_of_its_own()
    {
        using (var index = SearchIndex.Open(Folder("writers"), ArticleAnalyzer.Create()))
        {
            foreach (var article in Articles(50)) index.AddNew(article);
            index.Commit();
        }
        using var reader = DirectoryReader.Open(FSDirectory.Open(Folder("writers")));
        var infos = reader.Leaves[0].AtomicReader.FieldInfos;
        string WriterFiles(string field) => infos.FieldInfo(field).GetAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY) + "_" +
            infos.FieldInfo(field).GetAttribute(PerFieldPostingsFormat.PER_FIELD_SUFFIX_KEY);
        string[] texts = [IndexSchema.Title, IndexSchema.AiSummary, IndexSchema.OriginalText,
            IndexSchema.TitleBigrams, IndexSchema.AiSummaryBigrams, IndexSchema.OriginalTextBigrams];
        var writers = texts.Select(WriterFiles).ToList();
        Assert.All(writers, files => Assert.StartsWith("Lucene41_", files));
        Assert.Equal(texts.Length, writers.Distinct().Count());
        Assert.DoesNotContain(WriterFiles(IndexSchema.Id), writers);
        Assert.Equal(WriterFiles(IndexSchema.Id), WriterFiles(IndexSchema.HashtagKey));
    }

    [Fact]
    public void An_index_written_with_one_postings_writer_for_every_field_is_searched_and_merged_as_before()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Indexing", "Fixtures", "postings-before-reading-groups");
        var folder = Folder("old");
        System.IO.Directory.CreateDirectory(folder);
        foreach (var file in System.IO.Directory.GetFiles(fixture)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));

        using var index = SearchIndex.Open(folder, ArticleAnalyzer.Create());
        var searcher = new ArticleSearcher(index);
        IReadOnlyList<string> Ids(string q) => searcher.Search(new SearchRequest { Query = q }).Hits.Select(h => h.Id).ToList();
        Assert.Equal(3, index.ArticleCount);
        Assert.Equal(["658085bb69c78d83"], Ids("火锅"));
        Assert.Equal(["f9bc8f4e7e44a9e4"], Ids("调度器"));
        Assert.Contains("6cde50907105aa57", Ids("SWE-bench"));

        index.AddNew(Make("new", "成都火锅地图", original: "新写的一篇关于火锅与调度器的文章"));
        index.Commit();
        index.Compact(maxSegments: 1);
        index.Commit();
        Assert.Equal(1, index.SegmentCount);
        Assert.Equal(["658085bb69c78d83", "new"], Ids("火锅").Order());
        Assert.Equal(["f9bc8f4e7e44a9e4", "new"], Ids("调度器").Order());
        Assert.Equal(["new"], Ids("\"成都火锅地图\""));
    }

    [Fact]
    public void A_postings_writer_that_fails_fails_the_merge_with_its_own_error_and_loses_nothing()
    {
        var folder = Folder("failing");
        var failing = default(FailingPostingsDirectory);
        using (var index = SearchIndex.Open(folder, ArticleAnalyzer.Create(), d => failing = new FailingPostingsDirectory(d)))
        {
            var n = 0;
            foreach (var article in Articles(200))
            {
                index.AddNew(article);
                if (++n % 40 == 0) index.Commit();
            }
            index.Commit();
            var before = index.SegmentCount;
            failing!.Armed = true;
            var failure = Assert.ThrowsAny<IOException>(() => index.Compact(maxSegments: 1));
            Assert.Contains("No space left on device", failure.ToString());
            Assert.True(failing.Failures > 0);
            failing.Armed = false;
            index.Commit();
            Assert.Equal(before, index.SegmentCount);
            Assert.Equal(200, index.ArticleCount);
        }
        using var reopened = SearchIndex.Open(folder, ArticleAnalyzer.Create());
        Assert.Equal(200, reopened.ArticleCount);
        Assert.Equal(200, new ArticleSearcher(reopened).Search(new SearchRequest { Query = "数据库 OR 芯片 OR 能源 OR Rust OR city" }).Total);
    }

    /// <summary>Fails to create the term dictionary of every postings writer but the first, as a full disk would.</summary>
    private sealed class FailingPostingsDirectory(Lucene.Net.Store.Directory inner) : FilterDirectory(inner)
    {
        public volatile bool Armed;
        public int Failures;

        public override IndexOutput CreateOutput(string name, IOContext context)
        {
            if (Armed && name.EndsWith(".tim", StringComparison.Ordinal) && !name.EndsWith("_0.tim", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref Failures);
                throw new IOException("No space left on device");
            }
            return base.CreateOutput(name, context);
        }
    }

    /// <summary>
    /// Compares every field's terms and each term's postings, position by position, documents matched by article id
    /// (Lucene's merge policy may merge segments out of order); returns how many postings were compared.
    /// </summary>
    private static long AssertSamePostings(AtomicReader expected, AtomicReader actual)
    {
        Assert.Equal(expected.MaxDoc, actual.MaxDoc);
        Assert.Equal(expected.Fields.ToList(), actual.Fields.ToList());
        var expectedIds = ArticleIds(expected);
        var actualIds = ArticleIds(actual);
        long postings = 0;
        foreach (var field in expected.Fields)
        {
            var options = expected.FieldInfos.FieldInfo(field).IndexOptions;
            Assert.Equal(options, actual.FieldInfos.FieldInfo(field).IndexOptions);
            var expectedTerms = expected.GetTerms(field)!.GetEnumerator();
            var actualTerms = actual.GetTerms(field)!.GetEnumerator();
            while (expectedTerms.MoveNext())
            {
                Assert.True(actualTerms.MoveNext(), $"{field}: missing {expectedTerms.Term.Utf8ToString()}");
                Assert.Equal(expectedTerms.Term, actualTerms.Term);
                Assert.Equal(expectedTerms.DocFreq, actualTerms.DocFreq);
                Assert.Equal(expectedTerms.TotalTermFreq, actualTerms.TotalTermFreq);
                var want = Postings(expectedTerms, expectedIds, options);
                Assert.Equal(want, Postings(actualTerms, actualIds, options));
                postings += want.Count;
            }
            Assert.False(actualTerms.MoveNext(), $"{field}: extra {actualTerms.Term?.Utf8ToString()}");
        }
        return postings;
    }

    private static string[] ArticleIds(AtomicReader reader) =>
        Enumerable.Range(0, reader.MaxDoc).Select(doc => reader.Document(doc).Get(IndexSchema.Id)).ToArray();

    /// <summary>One line per position (article, position, offsets), or per document where the field has no positions.</summary>
    private static List<string> Postings(TermsEnum terms, string[] ids, IndexOptions options)
    {
        var lines = new List<string>();
        if (options < IndexOptions.DOCS_AND_FREQS_AND_POSITIONS)
        {
            var docs = terms.Docs(null, null);
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) lines.Add($"{ids[docs.DocID]} ×{docs.Freq}");
        }
        else
        {
            var positions = terms.DocsAndPositions(null, null);
            while (positions.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                for (var i = 0; i < positions.Freq; i++)
                {
                    var position = positions.NextPosition();
                    lines.Add(options == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS
                        ? $"{ids[positions.DocID]} @{position} {positions.StartOffset}-{positions.EndOffset}"
                        : $"{ids[positions.DocID]} @{position}");
                }
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
