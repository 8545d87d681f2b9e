namespace ArchiveSearch.Engine.Archive;

/// <summary>A file's bytes are not an article: empty, too large, not UTF-8, no title, or a bad date.</summary>
public sealed class ArticleFormatException(string reason, int? line = null)
    : Exception(line is null ? reason : $"Line {line}: {reason}")
{
    /// <summary>The sentence without the line prefix, for <see cref="ArchiveProblem.Reason"/>.</summary>
    public string Reason { get; } = reason;

    /// <summary>1-based line number, when one line is to blame.</summary>
    public int? Line { get; } = line;
}
