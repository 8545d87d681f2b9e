using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// The spellings one or two edits from a typed word, in the exact-form fields, searched only when the word as typed is
/// in fewer than <see cref="WellKnown"/> articles: a word the archive uses is taken as meant, so correctly spelt queries
/// rank as they would without typo tolerance, and a word the archive lacks is looked for under its near spellings.
/// </summary>
/// <remarks>
/// The first letter is kept: a typo there is rarer, and keeping it cuts the terms to visit several times. The most
/// frequent spellings are searched, each scored as a word of its own.
/// </remarks>
internal sealed class MisspellingQuery(string typed, int edits, IReadOnlyList<(string Field, float Boost)> fields, int maxExpansions) : Query
{
    /// <summary>From this many articles on, a word is one the archive knows.</summary>
    internal const int WellKnown = 3;

    private const int MaxTermsRead = 10_000;

    public string Typed => typed;

    public override Query Rewrite(IndexReader reader)
    {
        var known = fields.Sum(f => reader.DocFreq(new Term(f.Field, typed)));
        var any = new BooleanQuery(disableCoord: true) { Boost = Boost };
        if (known >= WellKnown) return any;
        var spellings = Spellings(reader);
        if (spellings.Count == 0) return any;
        foreach (var (field, boost) in fields)
        {
            var inField = new BooleanQuery(disableCoord: true) { Boost = boost };
            foreach (var spelling in spellings) inField.Add(new TermQuery(new Term(field, spelling)), Occur.SHOULD);
            any.Add(inField, Occur.SHOULD);
        }
        return any;
    }

    /// <summary>
    /// The most frequent spellings within the edits, over every field and segment. One automaton serves them all
    /// (Lucene's FuzzyQuery builds its own per field and segment: three 32-letter words took 150 ms).
    /// </summary>
    private List<string> Spellings(IndexReader reader)
    {
        var near = new LevenshteinAutomata(typed[1..], withTranspositions: true).ToAutomaton(edits);
        var automaton = new CompiledAutomaton(BasicOperations.Concatenate(BasicAutomata.MakeString(typed[..1]), near), true, false);
        var articles = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (field, _) in fields)
        {
            foreach (var leaf in reader.Leaves)
            {
                if (leaf.AtomicReader.GetTerms(field) is not { } terms) continue;
                var matches = terms.Intersect(automaton, null);
                for (var read = 0; read < MaxTermsRead && matches.MoveNext(); read++)
                {
                    var text = matches.Term.Utf8ToString();
                    articles[text] = articles.GetValueOrDefault(text) + matches.DocFreq;
                }
            }
        }
        return [.. articles.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(maxExpansions).Select(s => s.Key)];
    }

    public override string ToString(string field) => $"misspelt({typed}~{edits}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) => obj is MisspellingQuery other && other.Typed == typed && Boost == other.Boost && ToString() == other.ToString();

    public override int GetHashCode() => HashCode.Combine(typed, edits, Boost);
}
