namespace ArchiveSearch.Engine.Indexing;

/// <summary>Field names of the Lucene index. Text fields are analysed; key fields are exact, case-folded values.</summary>
public static class IndexSchema
{
    /// <summary>The article's id: indexed (updates and deletes find the article by it) and stored.</summary>
    public const string Id = "id";
    // Stored only: what a reindex compares with the archive.
    public const string Path = "path";
    public const string ContentHash = "content_hash";

    // Analysed, stored, with character offsets in the postings so snippets need no re-analysis.
    public const string Title = "title";
    public const string AiSummary = "ai_summary";
    public const string OriginalText = "original_text";
    // The same texts read as CJK bigrams and exact Latin forms (see BigramAnalyzer); positions, no offsets.
    public const string TitleBigrams = "title_cjk";
    public const string AiSummaryBigrams = "ai_summary_cjk";
    public const string OriginalTextBigrams = "original_text_cjk";

    /// <summary>Whether the field is one of the bigram and exact-form twins of the text fields.</summary>
    public static bool IsTwinField(string field) => field is TitleBigrams or AiSummaryBigrams or OriginalTextBigrams;

    /// <summary>Analysed hashtag display forms, so words inside a hashtag are searchable.</summary>
    public const string HashtagText = "hashtag_text";

    // Exact keys (case-folded) for filters and field-scoped queries.
    public const string HashtagKey = "hashtag";
    public const string SourceKey = "source";
    public const string TypeKey = "type";

    // Doc values for facets: "key\u001Fdisplay" so counting can merge spellings of one key.
    public const string HashtagFacet = "hashtag_facet";
    public const string SourceFacet = "source_facet";
    public const string TypeFacet = "type_facet";

    /// <summary>Days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>), for date filters and histograms.</summary>
    public const string Day = "day";
    /// <summary>Saved time (or the date's midnight) in Unix milliseconds, long.MinValue when undated: the newest-first key.</summary>
    public const string SortTime = "sort_time";
    /// <summary>The negated <see cref="SortTime"/>: sorting it descending gives oldest first with undated articles still last.</summary>
    public const string SortTimeOldestFirst = "sort_time_oldest_first";

    // Stored only.
    public const string Url = "url";
    public const string SourceDisplay = "source_display";
    public const string TypeDisplay = "type_display";
    public const string HashtagDisplay = "hashtag_display";
    public const string SavedAt = "saved_at";
    public const string Date = "date";
    public const string OriginalHtml = "original_html";
    public const string MetadataJson = "metadata";

    /// <summary>Separates a facet value's key from its display spelling inside doc values.</summary>
    public const char FacetSeparator = '\u001F';
}
