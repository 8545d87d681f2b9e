using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;
using Lucene.Net.Search;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Searching;

public class SharedTermStatesTests
{
    [Theory]
    [InlineData("向量数据库 Rust")]
    [InlineData("开源 大模型 训练 数据 的 评测 方法 与 社区")]
    [InlineData("an open source search engine for the archive with fast ranking")]
    [InlineData("\"release notes\" -kernel title:Rust")]
    public void A_query_bound_to_shared_term_states_finds_and_scores_exactly_what_it_finds_unbound(string q)
    {
        var folder = Path.Combine(Path.GetTempPath(), "as-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = SearchIndex.Open(folder, ArticleAnalyzer.Create());
            // Three commits, three segments: each term's state is looked up per segment, and some segments lack it.
            string[][] batches =
            [
                ["Rust release notes", "用 Rust 实现的向量数据库", "开源大模型的训练数据"],
                ["An open source search engine", "评测方法与社区的讨论", "Kernel release notes"],
                ["今天的天气", "fast ranking for the archive", "向量数据库的评测"],
            ];
            var n = 0;
            foreach (var batch in batches)
            {
                foreach (var title in batch) index.Upsert(Make($"a{n++}", title, ai: title + "。 " + title));
                index.Commit();
            }
            using var lease = index.AcquireSearcher();
            var searcher = lease.Searcher;
            Assert.Equal(3, searcher.IndexReader.Leaves.Count);
            var query = new QueryCompiler(index.Analyzer).Compile(q).Query;

            var unbound = searcher.Search(query, 20).ScoreDocs;
            var bound = searcher.Search(new SharedTermStates(searcher.TopReaderContext).Bind(query), 20).ScoreDocs;

            Assert.NotEmpty(unbound);
            Assert.Equal(unbound.Select(d => (d.Doc, d.Score)), bound.Select(d => (d.Doc, d.Score)));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
