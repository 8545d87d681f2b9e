using System.Diagnostics;
using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Reindexing;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Engine.Evaluation;

/// <summary>
/// Runs known-item queries through the service's own search path: the same analyzer, indexer and
/// <see cref="ArticleSearcher"/>, one first page of <see cref="KnownItemMetrics.CutOff"/> hits in the default
/// (relevance) order, as <c>GET /api/search?q=…</c> asks for it.
/// </summary>
public static class EvaluationRunner
{
    /// <summary>Brings the index in <paramref name="indexRoot"/> up to date with the archive, then evaluates on it.</summary>
    public static ArchiveEvaluation IndexAndRun(string archiveRoot, string indexRoot, IReadOnlyList<EvalQuery> queries, RelevanceFeatures? features = null)
    {
        using var live = LiveIndex.Open(indexRoot, ArticleAnalyzer.Create());
        var indexing = Reindexer.Run(live, archiveRoot, live.Current.NeedsRebuild ? ReindexMode.Full : ReindexMode.Incremental);
        var report = Run(new ArticleSearcher(live, features), queries);
        return new ArchiveEvaluation(indexing, live.ArticleCount, report);
    }

    /// <summary>Evaluates on an open index; one searcher serves every query.</summary>
    public static EvaluationReport Run(ArticleSearcher searcher, IReadOnlyList<EvalQuery> queries)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = queries.Select(q => Evaluate(searcher, q)).ToList();
        var elapsed = clock.Elapsed;
        var missing = queries.Select(q => q.ExpectedId).Distinct(StringComparer.Ordinal)
            .Where(id => searcher.Get(id) is null)
            .ToList();
        return new EvaluationReport(outcomes, missing, elapsed);
    }

    private static QueryOutcome Evaluate(ArticleSearcher searcher, EvalQuery query)
    {
        SearchResponse response;
        try
        {
            // No time budget: the service's budget guards against abuse, and here it would make figures depend on load.
            response = searcher.Search(new SearchRequest { Query = query.Query, Size = KnownItemMetrics.CutOff });
        }
        catch (InvalidSearchRequestException e)
        {
            return new QueryOutcome(query, null, null, null, e.Message);
        }
        var hits = response.Hits;
        var index = hits.ToList().FindIndex(h => string.Equals(h.Id, query.ExpectedId, StringComparison.Ordinal));
        return new QueryOutcome(query, index < 0 ? null : index + 1, hits.FirstOrDefault()?.Id, hits.FirstOrDefault()?.Title);
    }
}
