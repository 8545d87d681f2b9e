using ArchiveSearch.Engine.Facets;
using ArchiveSearch.Engine.Searching;

namespace ArchiveSearch.Engine.Benchmarks;

/// <summary>The fixed mix of searches every benchmark runs, all with the four facets, as the search page sends them.</summary>
public static class QueryMix
{
    public sealed record Case(string Name, SearchRequest Request);

    /// <param name="hashtag">A hashtag that exists in the corpus (the most frequent one is a fair choice).</param>
    /// <param name="from">The start of a date range covering a few months of the corpus.</param>
    /// <param name="chineseDescription">What people paste: a Chinese description of several words, spaced or not.</param>
    /// <param name="englishTitle">A remembered English title of several words.</param>
    /// <param name="typing">Words as the search page sends them mid-word (the last one a prefix).</param>
    /// <param name="misspelt">English words, one of them misspelt (found under its near spellings).</param>
    public static IReadOnlyList<Case> Create(string chineseWord, string chineseWords, string phrase, string englishWords, string hashtag, DateOnly from,
        string chineseDescription, string englishTitle, string typing, string misspelt) =>
    [
        new("one Chinese word", new SearchRequest { Query = chineseWord }),
        new("two or three Chinese words", new SearchRequest { Query = chineseWords }),
        new("phrase", new SearchRequest { Query = $"\"{phrase}\"" }),
        new("English words", new SearchRequest { Query = englishWords }),
        new("hashtag filter", new SearchRequest { Query = chineseWord, Hashtags = [hashtag] }),
        new("date range", new SearchRequest { Query = chineseWord, From = from, To = from.AddMonths(3) }),
        new("browse newest", new SearchRequest { Sort = SearchSort.Newest }),
        new("deep page", new SearchRequest { Query = chineseWord, Page = 50, Size = 20 }),
        new("day histogram", new SearchRequest { DateInterval = DateInterval.Day }),
        new("long Chinese description", new SearchRequest { Query = chineseDescription }),
        new("long English title", new SearchRequest { Query = englishTitle }),
        new("as you type", new SearchRequest { Query = typing, PrefixLast = true }),
        new("misspelt English word", new SearchRequest { Query = misspelt }),
    ];
}
