using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Indexing;
using ArchiveSearch.Engine.Searching;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>
/// Whole titles containing the typed text: a phrase over the title's bigram reading (CJK bigrams and exact Latin
/// words), so a Chinese run matches as a substring and the Latin words in order, the last one as a prefix unless a
/// space ended it. Ranked by BM25 on the title (shorter titles first), then the newest; titles that are the same once
/// normalized (<see cref="TitleKey"/>: one article saved twice) are one suggestion counting both, and go first. Costs are
/// bounded for a short text that matches most titles: its last word stands for its <see cref="MaxExpansions"/> most
/// frequent completions, and only the first <see cref="MaxRanked"/> matches (in index order) are ranked.
/// </summary>
internal static class TitleSuggestions
{
    /// <summary>Terms the last, unfinished word may stand for: the most frequent are kept.</summary>
    internal const int MaxExpansions = 32;

    /// <summary>
    /// Best matches read (their stored titles) per title suggestion asked for, to group into titles. Reading a stored
    /// document decompresses its whole block (0.04–0.4 ms each for generated articles, measured in SuggestSpeedTests'
    /// archive), so reading 50 per call cost more than everything else together; a title saved more than twice is rare.
    /// </summary>
    internal const int ExaminedPerTitle = 2;

    /// <summary>Matching titles ranked at most, the first in index order: past it a text is too short to pick titles by.</summary>
    internal const int MaxRanked = 256;

    private static readonly ISet<string> TitleOnly = new HashSet<string>(StringComparer.Ordinal) { IndexSchema.Title };

    public static IReadOnlyList<Suggestion> Find(IndexSearcher searcher, Analyzer analyzer, TypedText typed, int size)
    {
        const string field = IndexSchema.TitleBigrams;
        var tokens = ArticleAnalyzer.Tokens(analyzer, field, typed.Raw);
        if (tokens.Count == 0) return [];
        var last = tokens[^1];
        // A lone Chinese character is indexed only inside the bigrams it begins, so it is a prefix even after a space.
        var lastIsPrefix = !typed.EndsInSpace || (last.Length == 1 && TypedText.IsHan(last[0]));
        var lastTerms = lastIsPrefix
            ? TermCompletions.Top(searcher.IndexReader, field, last, MaxExpansions, exact: false).Select(t => new Term(field, t.Term)).ToArray()
            : [new Term(field, last)];
        if (lastTerms.Length == 0) return [];
        var phrase = new MultiPhraseQuery();
        foreach (var token in tokens.Take(tokens.Count - 1)) phrase.Add(new Term(field, token));
        phrase.Add(lastTerms);

        var sort = new Sort(SortField.FIELD_SCORE, TimeColumnComparer.SortField(IndexSchema.SortTime, reverse: true));
        var top = TopFieldCollector.Create(sort, size * ExaminedPerTitle, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
        new FirstMatches(top, MaxRanked).Search(searcher, phrase);
        var hits = top.GetTopDocs().ScoreDocs;
        var titles = new Dictionary<string, (string Title, int Count, int Rank)>(StringComparer.Ordinal);
        for (var rank = 0; rank < hits.Length; rank++)
        {
            var title = searcher.Doc(hits[rank].Doc, TitleOnly).Get(IndexSchema.Title) ?? "";
            var key = TitleKey.Of(title) is { Length: > 0 } normalized ? normalized : title;
            titles[key] = titles.TryGetValue(key, out var seen) ? seen with { Count = seen.Count + 1 } : (title, 1, rank);
        }
        return titles.Values.OrderByDescending(t => t.Count).ThenBy(t => t.Rank).Take(size)
            .Select(t => new Suggestion(SuggestionKind.Title, t.Title, t.Count, t.Title))
            .ToList();
    }
}
