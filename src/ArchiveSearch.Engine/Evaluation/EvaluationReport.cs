namespace ArchiveSearch.Engine.Evaluation;

/// <summary>Every query's outcome and the metrics over all of them, per language, and per language and query length.</summary>
public sealed class EvaluationReport
{
    public EvaluationReport(IReadOnlyList<QueryOutcome> outcomes, IReadOnlyList<string> missingIds, TimeSpan searchElapsed)
    {
        Outcomes = outcomes;
        MissingIds = missingIds;
        SearchElapsed = searchElapsed;
        Overall = MetricSummary.Of(outcomes.Select(o => o.Rank).ToList());
        Chinese = MetricSummary.Of(outcomes.Where(o => o.Query.Language == QueryLanguage.Chinese).Select(o => o.Rank).ToList());
        English = MetricSummary.Of(outcomes.Where(o => o.Query.Language == QueryLanguage.English).Select(o => o.Rank).ToList());
        ByLength = [.. from language in new[] { QueryLanguage.Chinese, QueryLanguage.English }
                       from lengthClass in QueryLength.Classes
                       let ranks = outcomes.Where(o => o.Query.Language == language && o.Query.LengthClass == lengthClass.Name).Select(o => o.Rank).ToList()
                       where ranks.Count > 0
                       select (language, lengthClass.Name, MetricSummary.Of(ranks))];
    }

    /// <summary>The metrics per language and length class, for the classes that have queries.</summary>
    public IReadOnlyList<(string Language, string LengthClass, MetricSummary Metrics)> ByLength { get; }

    /// <summary>In query-file order.</summary>
    public IReadOnlyList<QueryOutcome> Outcomes { get; }

    /// <summary>Expected ids that no indexed article has: such queries can never be found (a stale query file?).</summary>
    public IReadOnlyList<string> MissingIds { get; }

    /// <summary>Running the queries only, indexing excluded.</summary>
    public TimeSpan SearchElapsed { get; }

    public MetricSummary Overall { get; }
    public MetricSummary Chinese { get; }
    public MetricSummary English { get; }

    /// <summary>
    /// Up to <paramref name="count"/> queries whose article was not first: not found before found, then the
    /// lowest reciprocal rank first; ties keep file order.
    /// </summary>
    public IReadOnlyList<QueryOutcome> Worst(int count) =>
        Outcomes.Where(o => o.Rank != 1)
            .OrderBy(o => o.ReciprocalRank)
            .ThenBy(o => o.Query.Line)
            .Take(count)
            .ToList();
}
