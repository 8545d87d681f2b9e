using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>Hashtags whose key begins with the typed hashtag (or the whole typed text), most articles first.</summary>
internal static class HashtagSuggestions
{
    public static IReadOnlyList<Suggestion> Find(IndexReader reader, TypedText typed, int size)
    {
        // Keys never hold a '#': a text with one inside (a#b) begins none.
        if (typed.HashtagPrefix.Contains('#', StringComparison.Ordinal)) return [];
        return TermCompletions.Top(reader, IndexSchema.HashtagKey, typed.HashtagPrefix, size)
            .Select(t => new Suggestion(SuggestionKind.Hashtag, HashtagSpellings.Display(reader, t.Term), t.Count, typed.WithoutHashtag))
            .ToList();
    }
}
