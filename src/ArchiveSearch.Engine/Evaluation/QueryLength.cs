using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Analysis;

namespace ArchiveSearch.Engine.Evaluation;

/// <summary>
/// How long a query is, in words as SmartCn cuts them (punctuation left out, stop words counted), so that a Chinese
/// description typed without spaces is as long as its English twin; and the length classes the evaluation reports.
/// </summary>
public static class QueryLength
{
    private static readonly ThreadLocal<Analyzer> Analyzer = new(ArticleAnalyzer.Create);

    public static readonly IReadOnlyList<(string Name, int Min, int Max)> Classes = [("1-2 words", 1, 2), ("3-5 words", 3, 5), ("6+ words", 6, int.MaxValue)];

    public static int Of(string query) => ArticleAnalyzer.Tokens(Analyzer.Value!, IndexSchema.Title, query).Count;

    public static string ClassOf(int words) => Classes.FirstOrDefault(c => words >= c.Min && words <= c.Max).Name ?? Classes[0].Name;
}
