using ArchiveSearch.Engine.Errors;

namespace ArchiveSearch.Engine.Searching;

/// <summary>Which query-side relevance features are on; the evaluation compares them, the service uses <see cref="Default"/>.</summary>
/// <param name="Bigrams">A Chinese word also read as CJK bigrams: found as typed across SmartCn's word boundaries.</param>
/// <param name="ExactForms">A Latin word also matched in its exact (unstemmed, case-folded) form.</param>
/// <param name="Proximity">Several Latin words near each other score more.</param>
/// <param name="SoftStopWords">A stop word typed beside other words ("the", "of", 的) adds relevance but is not a word the ranking demands;
/// typed or inside a Chinese run, it brings in no article by itself.</param>
/// <param name="LoneRunWeighed">A Chinese run typed alone scores more found as typed, without outranking everything else.</param>
/// <param name="BigramOverlap">A Chinese run's bigrams found anywhere add relevance, whatever SmartCn made of the article.</param>
/// <param name="LongQueriesWeighed">In a query of many content words, a found word adds a weight beside its relevance instead of
/// a tier, so an article missing a rare word ranks below one missing a common one (BM25 already weighs words by rarity).</param>
/// <param name="LongQueryStopWordsDropped">In a long query, stop words typed apart are not searched at all (nor, in a Latin
/// query, those inside a word): among many content words they tell articles apart by next to nothing, and their
/// postings are the longest to walk.</param>
/// <param name="Typos">A Latin word of five letters or more also matches spellings one edit away (two from nine letters),
/// a tier below the word as typed; not in long queries, where a word is weighed and a missing one costs only its weight.</param>
/// <param name="LongWordsByRarity">In a long query without Chinese, a found word adds a weight in proportion to its rarity
/// (BM25's idf in the index searched) instead of the same weight for every word, so covering a description's rare words
/// counts for more than covering its common ones ("source code" in many packages' descriptions).</param>
/// <param name="LongCountsSmartCnWords">A typed word counts towards a long query as the content words SmartCn cuts it into, not
/// as one word: a pasted description typed with few spaces (用于快速重编译 C/C++ 代码的编译器缓存, command-line source browsing
/// tool) is long.</param>
/// <param name="ShortWordsByRarity">In a short query without Chinese, a found word's tier also adds a little in proportion to
/// its rarity, so among articles with as many of the words, those with the rarer ones come first.</param>
/// <param name="LatinSaturation">A query with no Chinese in it is scored with BM25's k1 at 1.5 instead of 1.2.</param>
public sealed record RelevanceFeatures(
    bool Bigrams, bool ExactForms, bool Proximity = false, bool SoftStopWords = false, bool LoneRunWeighed = false, bool BigramOverlap = false,
    bool LongQueriesWeighed = false, bool LongQueryStopWordsDropped = false, bool Typos = false, bool LatinSaturation = false, bool LongWordsByRarity = false,
    bool LongCountsSmartCnWords = false, bool ShortWordsByRarity = false)
{
    /// <summary>Every feature the evaluation kept. Proximity is off: it cost English MRR@10 (0.5739 → 0.5695).</summary>
    public static readonly RelevanceFeatures Default = new(Bigrams: true, ExactForms: true, SoftStopWords: true, LoneRunWeighed: true, BigramOverlap: true,
        LongQueriesWeighed: true, LongQueryStopWordsDropped: true, Typos: true, LatinSaturation: true, LongWordsByRarity: true,
        LongCountsSmartCnWords: true, ShortWordsByRarity: true);
    public static readonly RelevanceFeatures None = new(Bigrams: false, ExactForms: false);

    /// <summary>The features' names, as <see cref="Parse"/> reads them.</summary>
    public static readonly IReadOnlyList<string> Names = ["bigrams", "exact", "proximity", "stopwords", "lone-run", "overlap", "long-query", "long-stopwords-dropped", "typos", "latin-k1", "long-rarity", "long-smartcn", "short-rarity"];

    /// <summary>"none", "default", or a comma list of <see cref="Names"/>.</summary>
    public static RelevanceFeatures Parse(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "default": return Default;
            case "none": return None;
        }
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => n.ToLowerInvariant()).ToHashSet();
        var unknown = names.Except(Names).FirstOrDefault();
        if (unknown is not null)
        {
            throw new InvalidSearchRequestException("features", $"unknown relevance feature '{unknown}'; use none, default, or a list of {string.Join(", ", Names)}.");
        }
        return new RelevanceFeatures(
            Bigrams: names.Contains("bigrams"),
            ExactForms: names.Contains("exact"),
            Proximity: names.Contains("proximity"),
            SoftStopWords: names.Contains("stopwords"),
            LoneRunWeighed: names.Contains("lone-run"),
            BigramOverlap: names.Contains("overlap"),
            LongQueriesWeighed: names.Contains("long-query"),
            LongQueryStopWordsDropped: names.Contains("long-stopwords-dropped"),
            Typos: names.Contains("typos"),
            LatinSaturation: names.Contains("latin-k1"),
            LongWordsByRarity: names.Contains("long-rarity"),
            LongCountsSmartCnWords: names.Contains("long-smartcn"),
            ShortWordsByRarity: names.Contains("short-rarity"));
    }
}
