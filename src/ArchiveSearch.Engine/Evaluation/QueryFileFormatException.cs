namespace ArchiveSearch.Engine.Evaluation;

/// <summary>A line of a query file that is not <c>query&lt;TAB&gt;expected id</c>.</summary>
public sealed class QueryFileFormatException(int line, string message) : Exception($"line {line}: {message}")
{
    public int Line { get; } = line;
}
