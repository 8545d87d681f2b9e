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

    public string Typed => typed;

    public override Query Rewrite(IndexReader reader)
    {
        var known = fields.Sum(f => reader.DocFreq(new Term(f.Field, typed)));
        if (known >= WellKnown) return new BooleanQuery(disableCoord: true) { Boost = Boost };
        return Spellings(reader).InEveryField(fields, maxExpansions, Boost);
    }

    /// <summary>
    /// The spellings within the edits, over every field and segment. One automaton serves them all (Lucene's FuzzyQuery
    /// builds its own per field and segment: three 32-letter words took 150 ms).
    /// </summary>
    private FrequentWords Spellings(IndexReader reader)
    {
        var near = new LevenshteinAutomata(typed[1..], withTranspositions: true).ToAutomaton(edits);
        var automaton = new CompiledAutomaton(BasicOperations.Concatenate(BasicAutomata.MakeString(typed[..1]), near), true, false);
        var spellings = new FrequentWords();
        foreach (var (field, _) in fields)
        {
            foreach (var leaf in reader.Leaves)
            {
                if (leaf.AtomicReader.GetTerms(field) is not { } terms) continue;
                var matches = terms.Intersect(automaton, null);
                for (var read = 0; read < FrequentWords.MaxTermsRead && matches.MoveNext(); read++) spellings.Add(matches);
            }
        }
        return spellings;
    }

    public override string ToString(string field) => $"misspelt({typed}~{edits}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) => obj is MisspellingQuery other && other.Typed == typed && Boost == other.Boost && ToString() == other.ToString();

    public override int GetHashCode() => HashCode.Combine(typed, edits, Boost);
}
