using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>Copies of a compiled query with some of its parts replaced, through the composite queries the compiler builds.</summary>
internal static class QueryTree
{
    /// <summary>
    /// The query rebuilt with every part for which <paramref name="replace"/> gives a query replaced by it, looking inside
    /// boolean, disjunction, word-sum, tier and constant-score queries (boosts and settings kept); other queries are kept.
    /// </summary>
    public static Query Map(Query query, Func<Query, Query?> replace)
    {
        if (replace(query) is { } replaced) return replaced;
        switch (query)
        {
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses) copy.Add(Map(clause.Query, replace), clause.Occur);
                return copy;
            case DisjunctionMaxQuery max:
                var best = new DisjunctionMaxQuery(max.TieBreakerMultiplier) { Boost = max.Boost };
                foreach (var disjunct in max.Disjuncts) best.Add(Map(disjunct, replace));
                return best;
            case WordSumQuery words:
                return new WordSumQuery([.. words.Words.Select(w => Map(w, replace))], [.. words.Optional.Select(w => Map(w, replace))], words.OptionalBoost) { Boost = words.Boost };
            case TierQuery tier:
                return new TierQuery(Map(tier.Inner, replace), tier.Bonus, tier.PerIdf, tier.Rarity) { Boost = tier.Boost };
            case ConstantScoreQuery constant when constant.Query is { } inner:
                return new ConstantScoreQuery(Map(inner, replace)) { Boost = constant.Boost };
            default:
                return query;
        }
    }
}
