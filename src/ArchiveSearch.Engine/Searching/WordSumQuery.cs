using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Matches what any of its words matches and scores the sum of the matching words' scores: the same hits and scores as
/// a coord-disabled <see cref="BooleanQuery"/> of the words as SHOULD clauses, computed flat. A word of the usual shape
/// (a tier over a few fields' terms, or the best of such tiers) is scored from its terms' postings directly, a window
/// of documents at a time, instead of through nested disjunction heaps: a long query's words cost per posting, not per
/// posting and heap level. A nested sum is scored in the same windows too; any other word by its own query, inside
/// them. Optional words (<paramref name="optional"/>) match nothing themselves and add their own sum to what the words
/// match: the scores of "sum of the words MUST, sum of the optional words SHOULD", in the same single pass.
/// </summary>
/// <param name="optionalBoost">The boost of the optional words' sum, as a boosted sum beside the words would have.</param>
internal sealed class WordSumQuery(IReadOnlyList<Query> words, IReadOnlyList<Query>? optional = null, float optionalBoost = 1f) : Query
{
    public IReadOnlyList<Query> Words => words;

    public IReadOnlyList<Query> Optional { get; } = optional ?? [];

    public float OptionalBoost => optionalBoost;

    /// <summary>
    /// What <paramref name="required"/> matches, ranked by it plus <paramref name="ranking"/> where that matches too: the
    /// scores of "required MUST, ranking SHOULD" as one flat sum. A plain sum's words are taken as they are; any other
    /// query, a sum ranked by more included, is one word.
    /// </summary>
    public static WordSumQuery RankedBy(Query required, Query ranking)
    {
        IReadOnlyList<Query> words = required is WordSumQuery { Boost: 1f, Optional.Count: 0 } sum ? sum.Words : [required];
        return ranking is WordSumQuery { Optional.Count: 0 } optional
            ? new WordSumQuery(words, optional.Words, optional.Boost)
            : new WordSumQuery(words, [ranking]);
    }

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
        var rewrittenOptional = Optional.Select(w => w.Rewrite(reader)).ToList();
        return rewritten.SequenceEqual(words, ReferenceEqualityComparer.Instance) && rewrittenOptional.SequenceEqual(Optional, ReferenceEqualityComparer.Instance)
            ? this
            : new WordSumQuery(rewritten, rewrittenOptional, optionalBoost) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var word in words.Concat(Optional)) word.ExtractTerms(terms);
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new WordSumWeight(this, searcher);

    public override string ToString(string field) =>
        $"words({string.Join(", ", words.Select(w => w.ToString(field)))}{(Optional.Count > 0 ? $"; ranked by ({string.Join(", ", Optional.Select(w => w.ToString(field)))}){ToStringUtils.Boost(optionalBoost)}" : "")}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is WordSumQuery other && Boost == other.Boost && OptionalBoost == other.OptionalBoost && words.SequenceEqual(other.Words) && Optional.SequenceEqual(other.Optional);

    public override int GetHashCode() => Optional.Aggregate(words.Aggregate(HashCode.Combine(Boost, OptionalBoost), HashCode.Combine), HashCode.Combine);

    /// <summary>
    /// One way a word can score: the sum of its terms plus a tier's constant, or another query's own score. The boosts are
    /// those of the queries between the word and its terms, multiplied in Lucene's order so the scores come out the same.
    /// </summary>
    /// <param name="OuterBoosts">The boosts of the word's disjunctions around the group, outermost first (none when the word is the group itself).</param>
    /// <param name="TierBoost">The tier's boost; the tier's own constant is <paramref name="TierBonus"/>.</param>
    /// <param name="InnerBoost">The boost of the disjunction of terms inside the tier (1 for a single term).</param>
    private sealed record Group(Weight[] Terms, Weight? Other, float[] OuterBoosts, float TierBoost, float InnerBoost, float TierBonus)
    {
        /// <summary>The tier's constant as normalised, the way TierWeight computes it.</summary>
        public float Bonus { get; private set; }

        public void Normalize(float norm, float topLevelBoost)
        {
            // As DisjunctionMaxWeight, TierWeight and BooleanWeight pass a boost down, each multiplying in its own.
            var outer = topLevelBoost;
            foreach (var boost in OuterBoosts) outer *= boost;
            Other?.Normalize(norm, outer);
            var tier = outer * TierBoost;
            foreach (var term in Terms) term.Normalize(norm, tier * InnerBoost);
            Bonus = TierBonus * norm * tier;
        }
    }

    private sealed class WordSumWeight : Weight
    {
        private readonly WordSumQuery query;
        private readonly IndexSearcher searcher;
        private readonly List<Group[]> words = [];
        private readonly List<Group[]> optional = [];
        private float norm = 1f;
        private float topLevelBoost = 1f;

        public WordSumWeight(WordSumQuery query, IndexSearcher searcher)
        {
            this.query = query;
            this.searcher = searcher;
            foreach (var word in query.Words) words.Add([.. GroupsOf(word, [], searcher)]);
            foreach (var word in query.Optional) optional.Add([.. GroupsOf(word, [], searcher)]);
        }

        private IEnumerable<Group> OptionalGroups => optional.SelectMany(groups => groups);

        public override Query Query => query;

        /// <summary>
        /// A word's groups, read from its query: the best of (<see cref="DisjunctionMaxQuery"/> with no tie-breaker, nested
        /// or not: a word's near forms around its readings) tiers, or one tier, each over a term or a coord-disabled
        /// disjunction of terms; anything else is one group of its own.
        /// </summary>
        private static IEnumerable<Group> GroupsOf(Query word, float[] outerBoosts, IndexSearcher searcher)
        {
            if (word is DisjunctionMaxQuery { TieBreakerMultiplier: 0f } max)
            {
                float[] boosts = [.. outerBoosts, max.Boost];
                return max.Disjuncts.SelectMany(d => GroupsOf(d, boosts, searcher));
            }
            return [GroupOf(word, outerBoosts, searcher)];
        }

        private static Group GroupOf(Query query, float[] outerBoosts, IndexSearcher searcher)
        {
            if (query is TierQuery tier && TermsOf(tier.Inner) is { } terms)
            {
                var innerBoost = tier.Inner is BooleanQuery ? tier.Inner.Boost : 1f;
                return new Group([.. terms.Select(t => t.CreateWeight(searcher))], null, outerBoosts, tier.Boost, innerBoost, tier.BonusIn(searcher));
            }
            return new Group([], query.CreateWeight(searcher), outerBoosts, 1f, 1f, 0f);
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
            static float Of(Group g) => g.Terms.Sum(t => t.GetValueForNormalization()) + (g.Other?.GetValueForNormalization() ?? 0f);
            var sum = words.SelectMany(groups => groups).Sum(Of) + OptionalGroups.Sum(Of) * query.OptionalBoost * query.OptionalBoost;
            return sum * query.Boost * query.Boost;
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            topLevelBoost *= query.Boost;
            this.norm = norm;
            this.topLevelBoost = topLevelBoost;
            foreach (var group in words.SelectMany(groups => groups)) group.Normalize(norm, topLevelBoost);
            // As the boosted sum's own weight would: the boost passed down multiplied by its own.
            foreach (var group in OptionalGroups) group.Normalize(norm, topLevelBoost * query.OptionalBoost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var scored = ScoredWords(words, context, acceptDocs);
            return scored.Length == 0 ? null : new WordSumScorer(this, context.AtomicReader.MaxDoc, scored, ScoredWords(optional, context, acceptDocs));
        }

        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs) =>
            GetScorer(context, acceptDocs) is WordSumScorer scorer ? new WordSumBulkScorer(scorer) : null;

        /// <summary>The words with a scorer in the segment, each with its parts that have one.</summary>
        private static WordSumScorer.Word[] ScoredWords(List<Group[]> words, AtomicReaderContext context, IBits acceptDocs)
        {
            var scored = new List<WordSumScorer.Word>();
            foreach (var groups in words)
            {
                var parts = new List<WordSumScorer.Part>();
                foreach (var group in groups)
                {
                    if (group.Other is WordSumWeight nested)
                    {
                        if (nested.GetScorer(context, acceptDocs) is WordSumScorer sub) parts.Add(new WordSumScorer.Part([], 0f, sub));
                        continue;
                    }
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
            return [.. scored];
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var sum = new ComplexExplanation { Description = "sum of the words found:" };
            sum.Value = (float)Explain(query.Words, topLevelBoost, sum, context, doc);
            sum.Match = sum.GetDetails()?.Length > 0;
            if (sum.Match != true || query.Optional.Count == 0) return sum;
            var ranking = new ComplexExplanation { Description = "sum of the optional words found:" };
            var optionalTotal = Explain(query.Optional, topLevelBoost * query.OptionalBoost, ranking, context, doc);
            ranking.Value = (float)optionalTotal;
            ranking.Match = ranking.GetDetails()?.Length > 0;
            var both = new ComplexExplanation(true, sum.Value + ranking.Value, "the words, ranked by the optional words:");
            both.AddDetail(sum);
            if (ranking.Match == true) both.AddDetail(ranking);
            return both;
        }

        private double Explain(IEnumerable<Query> queries, float boost, ComplexExplanation sum, AtomicReaderContext context, int doc)
        {
            var total = 0.0;
            foreach (var wordQuery in queries)
            {
                // Explaining is rare: each word's own weight, normalised as the word would have been beside the others.
                var word = wordQuery.CreateWeight(searcher);
                word.Normalize(norm, boost);
                var explanation = word.Explain(context, doc);
                if (!explanation.IsMatch) continue;
                sum.AddDetail(explanation);
                total += explanation.Value;
            }
            return total;
        }
    }
}
