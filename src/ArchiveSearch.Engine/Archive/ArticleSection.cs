namespace ArchiveSearch.Engine.Archive;

/// <summary>The <c>## </c> sections the parser reads; any other heading is <see cref="Unknown"/> and ignored.</summary>
internal enum ArticleSection
{
    Unknown,
    OriginalSummary,
    AiSummary,
    Metadata,
}

internal static class ArticleSectionHeadings
{
    public const string Prefix = "## ";

    /// <summary>Chinese and English headings, case-insensitive, inner white space collapsed (<c>AI  摘要</c>).</summary>
    public static ArticleSection Classify(string headingLine)
    {
        var name = TextNormalizer.CollapseWhitespace(headingLine[Prefix.Length..].Trim()).ToLowerInvariant();
        return name switch
        {
            "原始摘要" or "original summary" => ArticleSection.OriginalSummary,
            "ai 摘要" or "ai摘要" or "ai summary" => ArticleSection.AiSummary,
            "元数据" or "metadata" => ArticleSection.Metadata,
            _ => ArticleSection.Unknown,
        };
    }
}
