using System.Diagnostics;
using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>
/// Completions while someone types, each on its own searcher snapshot (so never staler than a search, and released
/// before it answers): hashtags, title words and whole titles, read from the terms dictionary and a small phrase search.
/// </summary>
public sealed class Suggester(ISearcherSource index)
{
    public SuggestResponse Suggest(SuggestRequest request)
    {
        var clock = Stopwatch.StartNew();
        request.Validate();
        var typed = TypedText.Read(request.Query!);
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var hashtags = HashtagSuggestions.Find(searcher.IndexReader, typed, request.Size);
        // While a hashtag is typed, a word or title would complete the wrong thing.
        var words = typed.TypingHashtag ? [] : WordSuggestions.Find(searcher.IndexReader, typed, request.Size);
        // Titles are the dear kind (a phrase search, and a stored document read per title): only as many as can be shown.
        var titleSlots = typed.TypingHashtag ? 0 : Shares(request.Size, hashtags.Count, words.Count, request.Size)[2];
        var titles = titleSlots == 0 ? [] : TitleSuggestions.Find(searcher, index.Analyzer, typed, titleSlots);
        return new SuggestResponse(Share(request.Size, hashtags, words, titles), clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// An even share of <paramref name="size"/> for each kind, taken in turns (a hashtag, a word, a title, …) so a kind
    /// with fewer candidates leaves its share to the others; listed kind by kind, each in its own order.
    /// </summary>
    internal static IReadOnlyList<Suggestion> Share(int size, params IReadOnlyList<Suggestion>[] kinds)
    {
        var taken = Shares(size, [.. kinds.Select(k => k.Count)]);
        return kinds.SelectMany((kind, k) => kind.Take(taken[k])).ToList();
    }

    /// <summary>How many of each kind <see cref="Share"/> takes, given how many candidates each has.</summary>
    internal static int[] Shares(int size, params int[] candidates)
    {
        var taken = new int[candidates.Length];
        var total = 0;
        for (var round = 0; total < size; round++)
        {
            var any = false;
            for (var k = 0; k < candidates.Length && total < size; k++)
            {
                if (round >= candidates[k]) continue;
                taken[k]++;
                total++;
                any = true;
            }
            if (!any) break;
        }
        return taken;
    }
}
