using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using static ArchiveSearch.Engine.Tests.Support.TestArticles;

namespace ArchiveSearch.Engine.Tests.Support;

/// <summary>
/// 4,000 articles made of the long test queries' words (sparse: most articles have a few of them, in one field or
/// several), dated, tagged and sourced, in two segments of 2,600 and 1,400: windows of 2,048 documents, whole and
/// partial, in each. Forty are replaced, so their old versions stay in the first segment as deleted documents.
/// </summary>
public sealed class LongQueryArchive : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "as-longquery-" + Guid.NewGuid().ToString("N"));

    public LongQueryArchive()
    {
        Index = SearchIndex.Open(folder, ArticleAnalyzer.Create());
        string[] chinese = ["国务院", "提出", "深化", "改革", "措施", "开源", "大模型", "训练", "数据", "评测", "社区", "人工智能", "医疗", "教育", "的", "中国人民"];
        string[] english = ["open", "source", "search", "engine", "archive", "fast", "ranking", "facets", "kernel", "block", "device", "logging", "release", "the", "for"];
        string[] tags = ["开源", "AI", "数据库", "Rust", "医疗"];
        var random = new Random(7);
        string Words(string[] pool, int count, string separator) =>
            string.Join(separator, Enumerable.Range(0, count).Select(_ => pool[random.Next(pool.Length)]));
        for (var n = 0; n < 4000; n++)
        {
            var title = n % 3 == 0 ? Words(english, 1 + n % 4, " ") : Words(chinese, 1 + n % 3, "");
            var ai = n % 5 == 0 ? "" : Words(chinese, n % 7, "，") + " " + Words(english, n % 4, " ");
            var original = n % 11 == 0 ? Words(english, 20, " ") : Words(chinese, n % 9, "");
            Index.Upsert(Make($"a{n}", title, ai: ai, original: original,
                tags: [tags[n % tags.Length], tags[(n / 7) % tags.Length]],
                source: n % 4 == 0 ? "ArXiv" : "微博", type: n % 6 == 0 ? "论文" : "微博",
                saved: n % 17 == 0 ? null : $"{2019 + n % 6}-{1 + n % 12:00}-{1 + n % 28:00}T08:00:00Z"));
            if (n == 2599) Index.Commit();
        }
        for (var n = 0; n < 40; n++) Index.Upsert(Make($"a{n * 50}", Words(english, 3, " "), ai: Words(chinese, 4, "，")));
        Index.Commit();
    }

    public SearchIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
