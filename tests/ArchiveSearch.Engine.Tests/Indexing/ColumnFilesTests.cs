using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Indexing;

public sealed class ColumnFilesTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-columns-" + Guid.NewGuid().ToString("N"));
    private string Columns => Path.Combine(folder, ColumnFiles.FolderName);

    private void Build(int commits)
    {
        using var index = SearchIndex.Open(folder, ArticleAnalyzer.Create());
        for (var c = 0; c < commits; c++)
        {
            index.Upsert(Make($"a{c}", "有日期", tags: ["人工智能", "开源"], source: "RSS", saved: $"2025-0{c + 1}-02T08:00:00Z"));
            index.Upsert(Make($"b{c}", "没有日期", tags: [], source: null, type: "博客"));
            index.Commit();
        }
    }

    private static void ForEachSegment(SearchIndex index, Action<AtomicReader> check)
    {
        using var lease = index.AcquireSearcher();
        foreach (var leaf in lease.Searcher.IndexReader.Leaves) check(leaf.AtomicReader);
    }

    [Fact]
    public void Opening_an_index_saves_each_segments_columns_and_the_next_open_reads_the_same_values_back()
    {
        Build(commits: 2);

        Assert.Equal(2 * 5, Directory.GetFiles(Columns, "*.col").Length); // two segments × sort time, day and three facets
        using var reopened = SearchIndex.OpenReadOnly(folder, ArticleAnalyzer.Create());
        ForEachSegment(reopened, segment =>
        {
            Assert.Equal(SegmentColumns.DecodeNumeric(segment, IndexSchema.SortTime), SegmentColumns.Numeric(segment, IndexSchema.SortTime));
            Assert.Equal(SegmentColumns.DecodeNumeric(segment, IndexSchema.Day), SegmentColumns.Numeric(segment, IndexSchema.Day));
            foreach (var field in new[] { IndexSchema.HashtagFacet, IndexSchema.SourceFacet, IndexSchema.TypeFacet })
            {
                var (starts, ords, values) = OrdinalColumn.Load(segment, field).Parts;
                var saved = SegmentColumns.Ordinals(segment, field).Parts;
                Assert.Equal(starts, saved.Starts);
                Assert.Equal(ords, saved.Ords);
                Assert.Equal(values, saved.Values);
            }
        });
    }

    [Fact]
    public void A_saved_column_is_what_the_next_open_uses()
    {
        Build(commits: 1);
        var file = Directory.GetFiles(Columns, $"*.{IndexSchema.SortTime}.col").Single();
        using (var index = SearchIndex.OpenReadOnly(folder, ArticleAnalyzer.Create()))
        {
            // Rewrite the file, as valid as the original, with other values: the next open must show them.
            ForEachSegment(index, segment => ColumnFiles.WriteNumeric(ColumnFiles.For(segment, IndexSchema.SortTime), [7, 8]));
        }

        using var reopened = SearchIndex.OpenReadOnly(folder, ArticleAnalyzer.Create());
        ForEachSegment(reopened, segment => Assert.Equal([7L, 8L], SegmentColumns.Numeric(segment, IndexSchema.SortTime)));
        Assert.True(File.Exists(file));
    }

    [Fact]
    public void A_file_that_does_not_match_its_segment_is_ignored_and_replaced()
    {
        Build(commits: 1);
        var file = Directory.GetFiles(Columns, $"*.{IndexSchema.SortTime}.col").Single();
        var original = File.ReadAllBytes(file);
        var damaged = (byte[])original.Clone();
        damaged[9] ^= 0xFF; // the recorded size of the segment's files
        File.WriteAllBytes(file, damaged);

        using var reopened = SearchIndex.OpenReadOnly(folder, ArticleAnalyzer.Create());
        ForEachSegment(reopened, segment => Assert.Equal(SegmentColumns.DecodeNumeric(segment, IndexSchema.SortTime), SegmentColumns.Numeric(segment, IndexSchema.SortTime)));
        Assert.Equal(original, File.ReadAllBytes(file));

        File.WriteAllBytes(file, original[..20]); // cut short
        Assert.Null(ColumnFiles.ReadNumeric(ColumnFiles.For(SingleSegment(reopened), IndexSchema.SortTime)));
    }

    [Fact]
    public void Files_of_segments_merged_away_are_removed()
    {
        Build(commits: 3);
        Assert.Equal(3 * 5, Directory.GetFiles(Columns, "*.col").Length);

        using (var index = SearchIndex.Open(folder, ArticleAnalyzer.Create()))
        {
            index.Compact(1);
            index.Commit();
        }

        using var reopened = SearchIndex.OpenReadOnly(folder, ArticleAnalyzer.Create());
        var name = ((SegmentReader)SingleSegment(reopened)).SegmentName;
        Assert.All(Directory.GetFiles(Columns, "*.col"), f => Assert.StartsWith(name + ".", Path.GetFileName(f), StringComparison.Ordinal));
        Assert.Equal(5, Directory.GetFiles(Columns, "*.col").Length);
    }

    private static AtomicReader SingleSegment(SearchIndex index)
    {
        using var lease = index.AcquireSearcher();
        return lease.Searcher.IndexReader.Leaves.Single().AtomicReader;
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
