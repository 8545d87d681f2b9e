using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>A user query turned into Lucene: the query itself and the analysed terms (and prefixes) a snippet should mark.</summary>
public sealed record CompiledQuery(Query Query, IReadOnlySet<string> HighlightTerms, bool IsBrowse)
{
    public IReadOnlySet<string> HighlightPrefixes { get; init; } = new HashSet<string>();

    /// <summary>Queries for near spellings of typed words, in the exact-form reading: the forms they find are marked too.</summary>
    public IReadOnlyList<Query> Misspellings { get; init; } = [];

    /// <summary>The optional words as typed, each with the query for articles that contain all of it.</summary>
    public IReadOnlyList<QueryWord> Words { get; init; } = [];

    /// <summary>Words of the query left out because it had more distinct words than a search scores.</summary>
    public IReadOnlyList<string> UnsearchedWords { get; init; } = [];

    /// <summary>The query has no Chinese: it is scored with the Latin saturation of BM25.</summary>
    public bool IsLatin { get; init; }
}

/// <summary>One optional word of the query as the user typed it, and what an article must match to contain it.</summary>
public sealed record QueryWord(string Text, Query Matches);
