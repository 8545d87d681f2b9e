namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Words so common that an article lacking one of them is not missing anything the user meant: Lucene's English stop
/// set and the Chinese function words a user may type apart (的, 和, 与…).
/// </summary>
internal static class QueryStopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "的", "地", "得", "了", "和", "与", "及", "或", "之", "在", "是", "对", "把", "被", "从", "向", "于",
    };

    /// <summary>Whether a typed word, as typed, is a stop word.</summary>
    public static bool Contains(string typed) => Words.Contains(typed.Trim());
}
