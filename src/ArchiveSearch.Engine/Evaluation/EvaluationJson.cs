using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchiveSearch.Engine.Evaluation;

/// <summary>
/// The figures of an evaluation as JSON, for docs/ranking.md's table and for comparing runs: metrics rounded to
/// 4 decimals, the settings that produced them, and every query that was not found first.
/// </summary>
public static class EvaluationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keep Chinese readable in the file instead of \uXXXX escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ArchiveEvaluation evaluation, string? label, string queriesFile)
    {
        var report = evaluation.Report;
        var document = new
        {
            label,
            queriesFile,
            articles = evaluation.ArticlesInIndex,
            skippedFiles = evaluation.Indexing.Skipped.Count,
            indexSeconds = Math.Round(evaluation.Indexing.Elapsed.TotalSeconds, 2),
            searchSeconds = Math.Round(report.SearchElapsed.TotalSeconds, 2),
            overall = Figures(report.Overall),
            zh = Figures(report.Chinese),
            en = Figures(report.English),
            byLength = report.ByLength.Select(x => new { language = x.Language, length = x.LengthClass, figures = Figures(x.Metrics) }),
            missingIds = report.MissingIds,
            notFirst = report.Worst(int.MaxValue).Select(o => new
            {
                query = o.Query.Query,
                expectedId = o.Query.ExpectedId,
                language = o.Query.Language,
                rank = o.Rank,
                topHitId = o.TopHitId,
                topHitTitle = o.TopHitTitle,
                error = o.Error,
            }),
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static object Figures(MetricSummary s) => new
    {
        queries = s.Queries,
        mrr10 = Math.Round(s.Mrr10, 4),
        recall1 = Math.Round(s.Recall1, 4),
        recall10 = Math.Round(s.Recall10, 4),
        ndcg10 = Math.Round(s.Ndcg10, 4),
    };
}
