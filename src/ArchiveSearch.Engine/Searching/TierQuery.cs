using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Matches what its inner query matches, scoring the inner score plus a constant: one ranking tier of
/// <see cref="QueryCompiler"/>. The same score as "inner MUST, ConstantScore(inner) SHOULD", but with one pass over
/// the inner query's postings instead of two, and one term lookup per segment instead of two.
/// </summary>
internal sealed class TierQuery(Query inner, float bonus) : Query
{
    public Query Inner => inner;

    public float Bonus => bonus;

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = inner.Rewrite(reader);
        return ReferenceEquals(rewritten, inner) ? this : new TierQuery(rewritten, bonus) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => inner.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new TierWeight(this, inner.CreateWeight(searcher));

    public override string ToString(string field) => $"tier({inner.ToString(field)}, +{bonus}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is TierQuery other && Boost == other.Boost && bonus == other.Bonus && inner.Equals(other.Inner);

    public override int GetHashCode() => HashCode.Combine(inner, bonus, Boost);

    private sealed class TierWeight(TierQuery query, Weight inner) : Weight
    {
        private float bonusScore;

        public override Query Query => query;

        public override float GetValueForNormalization() => inner.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost)
        {
            // As a ConstantScoreQuery boosted by the bonus would be normalised beside its sibling.
            var boost = topLevelBoost * query.Boost;
            inner.Normalize(norm, boost);
            bonusScore = query.Bonus * norm * boost;
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
