using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>
/// Title words completing the word being typed, in most titles first. Latin words come from the title's exact-form
/// reading (lower-cased, not stemmed: <c>anthropic</c>, not SmartCn's <c>anthrop</c>); Chinese words from SmartCn's
/// reading, starting at the longest end of the typed run that begins a word (我想看量子 completes 量子 to 量子计算).
/// The word as typed is not suggested: it completes nothing.
/// </summary>
internal static class WordSuggestions
{
    public static IReadOnlyList<Suggestion> Find(IndexReader reader, TypedText typed, int size)
    {
        if (typed.LastWord is not { } word) return [];
        if (!word.IsChinese) return Completions(reader, IndexSchema.TitleBigrams, typed, word.Start, word.Text, size) ?? [];
        for (var length = word.Text.Length; length >= 1; length--)
        {
            var start = word.Start + word.Text.Length - length;
            var found = Completions(reader, IndexSchema.Title, typed, start, word.Text[^length..], size);
            if (found is not null) return found;
        }
        return [];
    }

    /// <summary>The completions of <paramref name="fragment"/>; null when no title word begins with it (not even itself).</summary>
    private static IReadOnlyList<Suggestion>? Completions(IndexReader reader, string field, TypedText typed, int start, string fragment, int size)
    {
        var terms = TermCompletions.Top(reader, field, fragment, size + 1);
        if (terms.Count == 0) return null;
        var before = typed.Raw[..start];
        return terms.Where(t => t.Term != fragment).Take(size)
            .Select(t => new Suggestion(SuggestionKind.Word, t.Term, t.Count, before + t.Term))
            .ToList();
    }
}
