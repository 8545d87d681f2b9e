using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>What <see cref="QueryCompiler"/> gathers while it reads a query's clauses, and the query it makes of them.</summary>
internal sealed class QueryBuild(SearchLimits limits)
{
    private bool hasRequired;
    private bool hasExcluded;

    public SearchLimits Limits => limits;

    /// <summary>The query has a single optional word (required, excluded and scoped clauses aside).</summary>
    public bool IsOnlyWord { get; init; }

    /// <summary>One of the optional words at least is not a stop word.</summary>
    public bool HasContentWord { get; init; }

    /// <summary>A long query (a pasted title, a sentence, a description): its words are weighed, not tiers.</summary>
    public bool IsLong { get; init; }

    /// <summary>One of the optional words at least is Chinese: a long query's words are then weighed as Chinese.</summary>
    public bool HasCjk { get; init; }

    public BooleanQuery Root { get; } = new(disableCoord: true);

    public HashSet<string> Highlight { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Prefixes { get; } = new(StringComparer.Ordinal);

    /// <summary>The misspelling queries: what they expand to in the index is marked in the snippets.</summary>
    public List<Query> Misspellings { get; } = [];

    /// <summary>The words and parts already searched, so a repeated one is neither a second tier nor counted twice.</summary>
    public HashSet<string> TierWords { get; } = new(StringComparer.Ordinal);

    public List<QueryWord> Words { get; } = [];

    /// <summary>
    /// Words left out, in the order typed: a pasted paragraph may hold more distinct words than a search scores
    /// (<see cref="SearchLimits.MaxQueryWords"/>), and the first ones are searched.
    /// </summary>
    public List<string> Unsearched { get; } = [];

    /// <summary>Notes a word as left out, once however often it is repeated.</summary>
    public void LeaveOut(string typed)
    {
        if (!Unsearched.Contains(typed, StringComparer.Ordinal)) Unsearched.Add(typed);
    }

    /// <summary>How many more distinct words a search scores; at 0 a new one is left out.</summary>
    public int Room => Math.Max(0, limits.MaxQueryWords - TierWords.Count);

    /// <summary>Every analysed token of the optional words, in order.</summary>
    public List<string> Sequence { get; } = [];

    /// <summary>Stop words rank what the other words match; they make no article an answer (的 is in most Chinese articles).</summary>
    public List<Query> ScoreOnly { get; } = [];

    public void Exclude(Query excluded)
    {
        Root.Add(excluded, Occur.MUST_NOT);
        hasExcluded = true;
    }

    public void Require(Query required, IReadOnlyList<string> tokens)
    {
        Root.Add(required, Occur.MUST);
        hasRequired = true;
        Highlight.UnionWith(tokens);
    }

    public CompiledQuery Finish()
    {
        if (TierWords.Count > 0)
        {
            Root.MinimumNumberShouldMatch = 1;
        }
        else if (!hasRequired)
        {
            if (!hasExcluded) return new CompiledQuery(new BooleanQuery(), Highlight, IsBrowse: false);
            Root.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        // The words are summed flat: the same hits and scores as the boolean query, a fraction of its time. A single word
        // is its own query: the same hits and scores without a boolean scorer around it.
        var query = Root.Clauses is [{ Occur: Occur.SHOULD } only] && Root.Boost == 1f ? only.Query : WordSumQuery.Of(Root);
        if (ScoreOnly.Count > 0) query = WordSumQuery.RankedBy(query, ScoreOnly is [var stopWord] ? stopWord : new WordSumQuery(ScoreOnly));
        return new CompiledQuery(query, Highlight, IsBrowse: false)
        {
            HighlightPrefixes = Prefixes, Misspellings = Misspellings, Words = Words, UnsearchedWords = Unsearched,
        };
    }
}
