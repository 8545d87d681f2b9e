using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// The spellings one or two edits from a typed word, in the exact-form fields, searched only when the word as typed is
/// in fewer than <see cref="WellKnown"/> articles: a word the archive uses is taken as meant, so correctly spelt queries
/// rank as they would without typo tolerance, and a word the archive lacks is looked for under its near spellings.
/// </summary>
/// <remarks>The first letter is kept: a typo there is rarer, and keeping it cuts the terms to visit several times.</remarks>
internal sealed class MisspellingQuery(string typed, int edits, IReadOnlyList<(string Field, float Boost)> fields, int maxExpansions) : Query
{
    /// <summary>From this many articles on, a word is one the archive knows.</summary>
    internal const int WellKnown = 3;

    public string Typed => typed;

    public override Query Rewrite(IndexReader reader)
    {
        var articles = fields.Sum(f => reader.DocFreq(new Term(f.Field, typed)));
        var spellings = new BooleanQuery(disableCoord: true) { Boost = Boost };
        if (articles >= WellKnown) return spellings;
        foreach (var (field, boost) in fields)
        {
            spellings.Add(new FuzzyQuery(new Term(field, typed), edits, prefixLength: 1, maxExpansions, transpositions: true) { Boost = boost }, Occur.SHOULD);
        }
        return spellings;
    }

    public override string ToString(string field) => $"misspelt({typed}~{edits}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) => obj is MisspellingQuery other && other.Typed == typed && Boost == other.Boost && ToString() == other.ToString();

    public override int GetHashCode() => HashCode.Combine(typed, edits, Boost);
}
