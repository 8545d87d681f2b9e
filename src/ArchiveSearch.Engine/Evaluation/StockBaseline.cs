using System.Diagnostics;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace ArchiveSearch.Engine.Evaluation;

/// <summary>How the stock setup combines a query's per-field matches, as Elasticsearch's <c>multi_match</c> types do.</summary>
public enum StockFieldCombination
{
    /// <summary>The best field's score (<c>best_fields</c>, Elasticsearch's default).</summary>
    BestField,

    /// <summary>The sum over fields (<c>most_fields</c>).</summary>
    SumOfFields,
}

/// <summary>
/// What a stock setup ranks, for the evaluation's figures to be read against: Lucene's SmartChineseAnalyzer, BM25, and
/// the query's words OR-ed in each of the title, the AI summary and the original text, combined as Elasticsearch's
/// <c>multi_match</c> does. None of the service's rules (tiers, field weights, folding, bigrams, exact forms).
/// </summary>
public static class StockBaseline
{
    private static readonly string[] Fields = ["title", "ai", "original"];

    /// <summary>Indexes the archive in memory the stock way and runs every query against it.</summary>
    public static ArchiveEvaluation IndexAndRun(string archiveRoot, IReadOnlyList<EvalQuery> queries, StockFieldCombination combination)
    {
        ArticleAnalyzer.PinBuiltInDictionaries();
        var analyzer = new SmartChineseAnalyzer(LuceneSettings.Version);
        using var directory = new RAMDirectory();
        var clock = Stopwatch.StartNew();
        var (files, skipped, bytes, ids) = Index(archiveRoot, directory, analyzer);
        var indexing = new IndexRunReport(files, files - skipped.Count, 0, 0, 0, skipped, clock.Elapsed, bytes);

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        clock.Restart();
        var outcomes = queries.Select(q => Evaluate(searcher, analyzer, q, combination)).ToList();
        var elapsed = clock.Elapsed;
        var missing = queries.Select(q => q.ExpectedId).Distinct(StringComparer.Ordinal).Where(id => !ids.Contains(id)).ToList();
        return new ArchiveEvaluation(indexing, reader.NumDocs, new EvaluationReport(outcomes, missing, elapsed));
    }

    private static (int Files, List<ArchiveProblem> Skipped, long Bytes, HashSet<string> Ids) Index(string archiveRoot, Lucene.Net.Store.Directory directory,
        SmartChineseAnalyzer analyzer)
    {
        var skipped = new List<ArchiveProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        var files = ArchiveScanner.Scan(archiveRoot);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneSettings.Version, analyzer) { Similarity = new BM25Similarity() });
        foreach (var file in files)
        {
            var result = ArticleFileReader.Read(file);
            if (result.Article is not { } article)
            {
                if (result.Problem is { } problem) skipped.Add(problem);
                continue;
            }
            bytes += file.Length;
            ids.Add(article.Id);
            writer.AddDocument(new Document
            {
                new StringField("id", article.Id, Field.Store.YES),
                new StoredField("display", article.Title),
                new TextField("title", article.Title, Field.Store.NO),
                new TextField("ai", article.AiSummary, Field.Store.NO),
                new TextField("original", article.OriginalText, Field.Store.NO),
            });
        }
        writer.Commit();
        return (files.Count, skipped, bytes, ids);
    }

    private static QueryOutcome Evaluate(IndexSearcher searcher, SmartChineseAnalyzer analyzer, EvalQuery query, StockFieldCombination combination)
    {
        var tokens = ArticleAnalyzer.Tokens(analyzer, Fields[0], query.Query);
        var perField = Fields.Select(field =>
        {
            var words = new BooleanQuery();
            foreach (var token in tokens) words.Add(new TermQuery(new Term(field, token)), Occur.SHOULD);
            return (Query)words;
        }).ToList();
        Query combined = combination == StockFieldCombination.BestField ? new DisjunctionMaxQuery(perField, 0f) : Sum(perField);
        var hits = searcher.Search(combined, KnownItemMetrics.CutOff).ScoreDocs;
        var docs = hits.Select(h => searcher.Doc(h.Doc)).ToList();
        var index = docs.FindIndex(d => string.Equals(d.Get("id"), query.ExpectedId, StringComparison.Ordinal));
        return new QueryOutcome(query, index < 0 ? null : index + 1, docs.FirstOrDefault()?.Get("id"), docs.FirstOrDefault()?.Get("display"));
    }

    private static BooleanQuery Sum(IEnumerable<Query> queries)
    {
        var sum = new BooleanQuery();
        foreach (var query in queries) sum.Add(query, Occur.SHOULD);
        return sum;
    }
}
