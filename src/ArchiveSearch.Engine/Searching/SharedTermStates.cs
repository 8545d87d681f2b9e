using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Looks every term of a search up once, with one terms enumeration per field and segment, and hands the states to
/// the term queries. Left alone, each <see cref="TermQuery"/> looks its term up itself with a fresh enumeration (a
/// cloned input and a new FST arc stack per segment), and a long query's words are looked up again by the
/// missing-words check: a third of a long query's time went to those look-ups.
/// </summary>
/// <remarks>A term state is only read by the scorers, so one search's queries may share it; it belongs to one reader.</remarks>
internal sealed class SharedTermStates(IndexReaderContext top)
{
    private readonly Dictionary<Term, TermContext> states = [];
    private readonly Dictionary<(int Leaf, string Field), TermsEnum?> enums = [];
    private readonly Dictionary<(int Leaf, string Field), DocsEnum> docs = [];

    /// <summary>
    /// The query with each term query (within the composite queries <see cref="QueryTree"/> knows) bound to its looked-up
    /// state, and each tier weighed by rarity given its constant from the same states.
    /// </summary>
    public Query Bind(Query query) => QueryTree.Map(query, part => part switch
    {
        TermQuery term => new TermQuery(term.Term, StateOf(term.Term)) { Boost = term.Boost },
        TierQuery { ByIdf: true } tier => new TierQuery(Bind(tier.Inner), tier.BonusFor(t => StateOf(t).DocFreq, top.Reader.MaxDoc)) { Boost = tier.Boost },
        _ => null,
    });

    /// <summary>The documents of every term looked up so far, summed: about how many postings the search will read.</summary>
    public long PostingsCount => states.Values.Sum(state => (long)state.DocFreq);

    /// <summary>
    /// The term's live documents in the segment, without frequencies; null when the segment lacks the term. One
    /// enumeration per field and segment serves every call: the one returned is valid until the next call for a term of
    /// the same field in the same segment.
    /// </summary>
    public DocsEnum? DocsOf(Term term, AtomicReaderContext leaf)
    {
        var state = StateOf(term).Get(leaf.Ord);
        if (state is null) return null;
        var terms = EnumOf(leaf, term.Field)!;
        terms.SeekExact(term.Bytes, state);
        // Reused within its field only: Lucene's reuse check lets an enumeration of a field without offsets serve a
        // field with them, whose skip data it then misreads.
        docs.TryGetValue((leaf.Ord, term.Field), out var reuse);
        return docs[(leaf.Ord, term.Field)] = terms.Docs(leaf.AtomicReader.LiveDocs, reuse, DocsFlags.NONE);
    }

    private TermContext StateOf(Term term)
    {
        if (states.TryGetValue(term, out var known)) return known;
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            var terms = EnumOf(leaf, term.Field);
            if (terms is not null && terms.SeekExact(term.Bytes))
            {
                context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
            }
        }
        states[term] = context;
        return context;
    }

    private TermsEnum? EnumOf(AtomicReaderContext leaf, string field)
    {
        if (!enums.TryGetValue((leaf.Ord, field), out var terms))
        {
            terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            enums[(leaf.Ord, field)] = terms;
        }
        return terms;
    }
}
