namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// What one search may ask for. Each limit but the word count, when exceeded, is a 400 naming the parameter and the limit;
/// the service reads them from configuration.
/// </summary>
public sealed record SearchLimits
{
    public static readonly SearchLimits Default = new();

    public int MaxQueryLength { get; init; } = 1000;
    /// <summary>
    /// Distinct words (and phrases) searched after parsing and analysis; each becomes a few Lucene clauses. Not a 400: a
    /// query with more (a pasted paragraph) is searched by its first ones and names the rest.
    /// </summary>
    public int MaxQueryWords { get; init; } = 64;
    public int MaxPageSize { get; init; } = 100;
    /// <summary>page × size; deeper pages use the cursor.</summary>
    public int MaxResultWindow { get; init; } = 10_000;
    public int MaxFacetSize { get; init; } = 1000;
    /// <summary>Values of one repeated filter (hashtag, source, type).</summary>
    public int MaxFilterValues { get; init; } = 100;
    /// <summary>Characters a prefix (<c>vect*</c>) needs before its star.</summary>
    public int MinPrefixLength { get; init; } = 2;
    /// <summary>Words a prefix may expand to (the most frequent are kept), each searched in every text field.</summary>
    public int MaxPrefixExpansions { get; init; } = 128;
}
