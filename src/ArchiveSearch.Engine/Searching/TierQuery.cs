using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Matches what its inner query matches, scoring the inner score plus a constant: one ranking tier of
/// <see cref="QueryCompiler"/>. The same score as "inner MUST, ConstantScore(inner) SHOULD", but with one pass over
/// the inner query's postings instead of two, and one term lookup per segment instead of two.
/// </summary>
/// <param name="perIdf">The constant is <paramref name="bonus"/> times the word's rarity in the index searched: BM25's idf
/// of the commonest of the inner query's terms (a word weighed by how rare it is, whichever field has it most).</param>
/// <param name="rarity">Added to the constant: this times the same idf (a tier that also tells a rare word from a common one).</param>
internal sealed class TierQuery(Query inner, float bonus, bool perIdf = false, float rarity = 0f) : Query
{
    public Query Inner => inner;

    public float Bonus => bonus;

    public bool PerIdf => perIdf;

    public float Rarity => rarity;

    /// <summary>The constant depends on the index searched.</summary>
    public bool ByIdf => perIdf || rarity != 0f;

    /// <summary>The constant in the index <paramref name="searcher"/> reads, term statistics looked up as needed.</summary>
    public float BonusIn(IndexSearcher searcher) =>
        BonusFor(searcher.IndexReader.DocFreq, searcher.IndexReader.MaxDoc);

    /// <summary>The constant given the inner terms' document frequencies, looked up by the caller.</summary>
    public float BonusFor(Func<Term, int> docFreq, int maxDoc)
    {
        if (!ByIdf) return bonus;
        var idf = Idf(TermsOf(inner).Select(docFreq).DefaultIfEmpty(0).Max(), maxDoc);
        return (perIdf ? bonus * idf : bonus) + rarity * idf;
    }

    private static HashSet<Term> TermsOf(Query query)
    {
        var terms = new HashSet<Term>();
        query.ExtractTerms(terms);
        return terms;
    }

    /// <summary>BM25's idf (Lucene's <c>BM25Similarity</c>), a word in no article counting as in none of <paramref name="maxDoc"/>.</summary>
    private static float Idf(int docFreq, int maxDoc) => (float)Math.Log(1 + (maxDoc - docFreq + 0.5) / (docFreq + 0.5));

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = inner.Rewrite(reader);
        return ReferenceEquals(rewritten, inner) ? this : new TierQuery(rewritten, bonus, perIdf, rarity) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => inner.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new TierWeight(this, inner.CreateWeight(searcher), BonusIn(searcher));

    public override string ToString(string field) => $"tier({inner.ToString(field)}, +{bonus}{(perIdf ? " × idf" : "")}{(rarity != 0f ? $" + {rarity} × idf" : "")}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is TierQuery other && Boost == other.Boost && bonus == other.Bonus && perIdf == other.PerIdf && rarity == other.Rarity && inner.Equals(other.Inner);

    public override int GetHashCode() => HashCode.Combine(inner, bonus, perIdf, rarity, Boost);

    private sealed class TierWeight(TierQuery query, Weight inner, float bonus) : Weight
    {
        private float bonusScore;

        public override Query Query => query;

        public override float GetValueForNormalization() => inner.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost)
        {
            // As a ConstantScoreQuery boosted by the bonus would be normalised beside its sibling.
            var boost = topLevelBoost * query.Boost;
            inner.Normalize(norm, boost);
            bonusScore = bonus * norm * boost;
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var scorer = inner.GetScorer(context, acceptDocs);
            return scorer is null ? null : new TierScorer(this, scorer, bonusScore);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var explanation = inner.Explain(context, doc);
            if (!explanation.IsMatch) return explanation;
            var sum = new ComplexExplanation(true, explanation.Value + bonusScore, "tier: inner score plus the tier's constant");
            sum.AddDetail(explanation);
            sum.AddDetail(new Explanation(bonusScore, "tier constant"));
            return sum;
        }
    }

    private sealed class TierScorer(Weight weight, Scorer inner, float bonus) : Scorer(weight)
    {
        public override int DocID => inner.DocID;

        public override int Freq => inner.Freq;

        public override int NextDoc() => inner.NextDoc();

        public override int Advance(int target) => inner.Advance(target);

        public override long GetCost() => inner.GetCost();

        public override float GetScore() => inner.GetScore() + bonus;

        public override ICollection<ChildScorer> GetChildren() => [new ChildScorer(inner, "MUST")];
    }
}
