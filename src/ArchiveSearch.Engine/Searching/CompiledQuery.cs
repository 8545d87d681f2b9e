using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>A user query turned into Lucene: the query itself and the analysed terms (and prefixes) a snippet should mark.</summary>
public sealed record CompiledQuery(Query Query, IReadOnlySet<string> HighlightTerms, bool IsBrowse)
{
    public IReadOnlySet<string> HighlightPrefixes { get; init; } = new HashSet<string>();
}
