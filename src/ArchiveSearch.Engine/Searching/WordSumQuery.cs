using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Matches what any of its words matches and scores the sum of the matching words' scores: the same hits and scores as
/// a coord-disabled <see cref="BooleanQuery"/> of the words as SHOULD clauses, computed flat. A word of the usual shape
/// (a tier over a few fields' terms, or the best of such tiers) is scored from its terms' postings directly, a window
/// of documents at a time, instead of through nested disjunction heaps: a long query's words cost per posting, not per
/// posting and heap level. Any other word is scored by its own query inside the same windows.
/// </summary>
internal sealed class WordSumQuery(IReadOnlyList<Query> words) : Query
{
    public IReadOnlyList<Query> Words => words;

    /// <summary>
    /// The same query summed flat when it is a sum of optional clauses (coord disabled, at most one required to match),
    /// else the query itself.
    /// </summary>
    public static Query Of(BooleanQuery sum) =>
        sum is { CoordDisabled: true, MinimumNumberShouldMatch: <= 1 } && sum.Clauses.Count > 1 && sum.Clauses.All(c => c.Occur == Occur.SHOULD)
            ? new WordSumQuery([.. sum.Clauses.Select(c => c.Query)]) { Boost = sum.Boost }
            : sum;

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = words.Select(w => w.Rewrite(reader)).ToList();
        return rewritten.SequenceEqual(words, ReferenceEqualityComparer.Instance) ? this : new WordSumQuery(rewritten) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var word in words) word.ExtractTerms(terms);
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new WordSumWeight(this, searcher);

    public override string ToString(string field) => $"words({string.Join(", ", words.Select(w => w.ToString(field)))}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) => obj is WordSumQuery other && Boost == other.Boost && words.SequenceEqual(other.Words);

    public override int GetHashCode() => words.Aggregate(Boost.GetHashCode(), HashCode.Combine);

    /// <summary>One way a word can score: the sum of its terms plus a tier's constant, or another query's own score.</summary>
    private sealed class Group(Weight[] terms, Weight? other, float bonusFactor)
    {
        public Weight[] Terms => terms;

        /// <summary>A group that is not a tier over terms is scored by its own weight.</summary>
        public Weight? Other => other;

        public float Bonus { get; set; }

        public float BonusFactor => bonusFactor;
    }

    private sealed class WordSumWeight : Weight
    {
        private readonly WordSumQuery query;
        private readonly IndexSearcher searcher;
        private readonly List<Group[]> words = [];
        private float norm = 1f;
        private float topLevelBoost = 1f;

        public WordSumWeight(WordSumQuery query, IndexSearcher searcher)
        {
            this.query = query;
            this.searcher = searcher;
            foreach (var word in query.Words) words.Add(GroupsOf(word, searcher));
        }

        public override Query Query => query;

        /// <summary>
        /// A word's groups, read from its query: the best of (<see cref="DisjunctionMaxQuery"/> with no tie-breaker) tiers, or
        /// one tier, each over a term or a coord-disabled disjunction of terms; anything else is one group of its own.
        /// </summary>
        private static Group[] GroupsOf(Query word, IndexSearcher searcher)
        {
            if (word is DisjunctionMaxQuery { TieBreakerMultiplier: 0f } max)
            {
                return [.. max.Disjuncts.Select(d => GroupOf(d, max.Boost, searcher))];
            }
            return [GroupOf(word, 1f, searcher)];
        }

        private static Group GroupOf(Query query, float outerBoost, IndexSearcher searcher)
        {
            if (query is TierQuery tier && TermsOf(tier.Inner) is { } terms)
            {
                // As TierWeight and BooleanWeight pass the boosts down: the tier's onto its inner query, that one's onto its terms.
                var tierBoost = outerBoost * tier.Boost;
                var innerBoost = tier.Inner is BooleanQuery ? tierBoost * tier.Inner.Boost : tierBoost;
                var weights = terms.Select(t => (Weight: t.CreateWeight(searcher), Boost: innerBoost)).ToArray();
                return new Group([.. weights.Select(w => new BoostedWeight(w.Weight, w.Boost))], null, tier.Bonus * tierBoost);
            }
            return new Group([], new BoostedWeight(query.CreateWeight(searcher), outerBoost), 0f);
        }

        /// <summary>The term queries a tier sums, when its inner query is one term or a plain disjunction of terms.</summary>
        private static TermQuery[]? TermsOf(Query inner)
        {
            if (inner is TermQuery single) return [single];
            if (inner is not BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0 } any) return null;
            if (!any.Clauses.All(c => c.Occur == Occur.SHOULD && c.Query is TermQuery)) return null;
            return [.. any.Clauses.Select(c => (TermQuery)c.Query)];
        }

        /// <summary>Only TF-IDF's query norm reads this value: BM25, which every search uses, normalises by 1 whatever it is.</summary>
        public override float GetValueForNormalization()
        {
            var sum = words.SelectMany(groups => groups).Sum(g => g.Terms.Sum(t => t.GetValueForNormalization()) + (g.Other?.GetValueForNormalization() ?? 0f));
            return sum * query.Boost * query.Boost;
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            topLevelBoost *= query.Boost;
            this.norm = norm;
            this.topLevelBoost = topLevelBoost;
            foreach (var groups in words)
            {
                foreach (var group in groups)
                {
                    foreach (var term in group.Terms) ((BoostedWeight)term).NormalizeUnder(norm, topLevelBoost);
                    ((BoostedWeight?)group.Other)?.NormalizeUnder(norm, topLevelBoost);
                    group.Bonus = group.BonusFactor * norm * topLevelBoost;
                }
            }
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var scored = new List<WordSumScorer.Word>();
            foreach (var groups in words)
            {
                var parts = new List<WordSumScorer.Part>();
                foreach (var group in groups)
                {
                    if (group.Other is { } other)
                    {
                        if (other.GetScorer(context, acceptDocs) is { } scorer) parts.Add(new WordSumScorer.Part([scorer], 0f));
                        continue;
                    }
                    var scorers = group.Terms.Select(t => t.GetScorer(context, acceptDocs)).OfType<Scorer>().ToArray();
                    if (scorers.Length > 0) parts.Add(new WordSumScorer.Part(scorers, group.Bonus));
                }
                if (parts.Count > 0) scored.Add(new WordSumScorer.Word([.. parts]));
            }
            return scored.Count == 0 ? null : new WordSumScorer(this, [.. scored]);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var sum = new ComplexExplanation { Description = "sum of the words found:" };
            var total = 0.0;
            foreach (var wordQuery in query.Words)
            {
                // Explaining is rare: each word's own weight, normalised as the word would have been beside the others.
                var word = wordQuery.CreateWeight(searcher);
                word.Normalize(norm, topLevelBoost);
                var explanation = word.Explain(context, doc);
                if (!explanation.IsMatch) continue;
                sum.AddDetail(explanation);
                total += explanation.Value;
            }
            sum.Value = (float)total;
            sum.Match = total > 0 || sum.GetDetails()?.Length > 0;
            return sum;
        }
    }

    /// <summary>A weight normalised with an extra boost, as the queries between it and the word would have passed it down.</summary>
    private sealed class BoostedWeight(Weight inner, float boost) : Weight
    {
        public override Query Query => inner.Query;

        public override float GetValueForNormalization() => inner.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost * boost);

        public void NormalizeUnder(float norm, float topLevelBoost) => Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs) => inner.GetScorer(context, acceptDocs);

        public override Explanation Explain(AtomicReaderContext context, int doc) => inner.Explain(context, doc);
    }
}
