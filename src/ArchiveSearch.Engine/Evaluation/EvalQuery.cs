namespace ArchiveSearch.Engine.Evaluation;

/// <summary>One known-item query: what a user types and the id of the article they are looking for.</summary>
/// <param name="Line">1-based line in the query file, for messages.</param>
public sealed record EvalQuery(string Query, string ExpectedId, int Line)
{
    public string Language { get; } = QueryLanguage.Of(Query);

    /// <summary>Its length class (see <see cref="QueryLength"/>).</summary>
    public string LengthClass { get; } = QueryLength.ClassOf(QueryLength.Of(Query));
}
