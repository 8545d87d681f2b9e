using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Errors;
using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Builds the Lucene query for parsed clauses. Every typed word (a space-separated word, a quoted phrase, a prefix)
/// is one ranking tier worth <see cref="WordTier"/>, more than any relevance, so articles containing all the typed
/// words rank above those with only some; articles with none never match. A long query (<see cref="LongQueryWords"/>
/// content words or more) weighs its words instead of walling them, so a missing rare word costs more than a missing
/// common one. Stop words typed beside other words (the,
/// of, 的) are not tiers, and a stop word, typed or inside a run, only ranks what the other words match. An article contains a Chinese word when it has it as typed (contiguous, in the bigram
/// reading); the SmartCn parts of a longer Chinese word each add only <see cref="PartTier"/>, so among articles without
/// the whole word those with more of its parts come first without a part as common as 的 outweighing everything else,
/// and its bigrams found anywhere add relevance where SmartCn cut the article differently. A Chinese run typed alone
/// is not a wall: found as typed it adds <see cref="RunAsTypedBonus"/>. Inside a tier, relevance is BM25 summed over
/// the fields that have the word, title and hashtag matches weighing more than body matches.
/// </summary>
/// <remarks>
/// Each choice is the evaluation's (docs/ranking.md, "Relevance, measured"). The earlier design, a strict tier per SmartCn
/// part and the best field only with the title weighted 3×, measured zh MRR@10 0.5492 and en 0.5701.
/// </remarks>
public sealed class QueryCompiler(Analyzer analyzer, RelevanceFeatures? features = null)
{
    private readonly RelevanceFeatures features = features ?? RelevanceFeatures.Default;

    /// <summary>
    /// Larger than the relevance a typed word's readings can add up to: one SmartCn part scores at most idf × (k1 + 1) ×
    /// the field boosts (≈ 14 × 2.2 × 6.2 ≈ 190 at a million articles), a bigram of the overlap about as much, and the
    /// overlap counts at most <see cref="MaxOverlapBigrams"/> bigrams, so a run of up to ~16 characters stays below
    /// (a pasted paragraph may not). Small enough that a float still tells relevance apart to the thousandth.
    /// </summary>
    internal const float WordTier = 10_000f;

    /// <summary>About what a strong BM25 match of one word in one field scores: a tie-breaker for more parts, not a wall.</summary>
    internal const float PartTier = 3f;

    /// <summary>What a lone Chinese run found as typed earns on top of its parts (3, 10, 20 and 40 measured; 10 kept).</summary>
    private const float RunAsTypedBonus = 10f;

    /// <summary>The bigram overlap of a Chinese run against its SmartCn parts (1, 1.5, 2 and 3 measured; 2 kept).</summary>
    private const float OverlapBoost = 2f;

    private const int MaxOverlapBigrams = 16;

    /// <summary>
    /// From this many content words on, a query is long (a pasted title, a sentence, a description): a description's
    /// words are seldom all in its article, so they are weighed instead of walled. Up to three, what people type, every
    /// word is still a tier. Measured with the threshold at 3: larger gains still (Debian Handbook en MRR@10 0.6056,
    /// packages zh 0.7845), left for the team since the three-word rule is the product's.
    /// </summary>
    internal const int LongQueryWords = 4;

    /// <summary>
    /// What each found word of a long query adds beside its BM25: enough that covering more of the words still counts
    /// for a lot, little enough that a rare word's relevance outweighs a common one's presence. Chinese words score
    /// several readings (words, bigrams, overlap), so their weight is higher (3, 10, 30, 100 measured for each).
    /// </summary>
    private const float LongLatinWordWeight = 10f;
    private const float LongChineseWordWeight = 100f;

    /// <summary>
    /// A found word of a long Latin query, weighed by rarity, adds this times its idf: about the flat weight for a word
    /// in one article of a hundred (2.5 × ln 100 ≈ 11.5; 2, 2.5 and 3.3 measured, 2.5 helped both development sets).
    /// </summary>
    private const float LongLatinWeightPerIdf = 2.5f;

    /// <summary>What a found typed word adds: a tier in a short query, a weight beside its relevance in a long one.</summary>
    private static float WordWeight(QueryBuild build, bool demanded) =>
        !demanded ? PartTier : !build.IsLong ? WordTier : build.HasCjk ? LongChineseWordWeight : LongLatinWordWeight;

    /// <summary>
    /// The tier of a typed word found whole (its one SmartCn word, or its twin reading as typed): in a long Latin query
    /// weighed by the word's rarity, in a short one a tier told apart by the word's rarity, when those features are on;
    /// otherwise <see cref="WordWeight"/>.
    /// </summary>
    private TierQuery WholeWordTier(QueryBuild build, Query word, bool demanded) =>
        demanded && build.IsLong && !build.HasCjk && features.LongWordsByRarity
            ? new TierQuery(word, LongLatinWeightPerIdf, perIdf: true)
            : demanded && !build.IsLong && !build.HasCjk && features.ShortWordsByRarity
                ? new TierQuery(word, WordTier, rarity: ShortLatinRarityPerIdf)
                : new TierQuery(word, WordWeight(build, demanded));

    /// <summary>
    /// A found word of a short Latin query adds this times its idf to its tier: far below a tier, so an article with more
    /// of the words still ranks first, but among those with as many, the one with the rarer words does (an article
    /// with "ApprovalTests" above those with "go"). 1, 2.5, 3.5, 5 and 10 measured; 3.5 best over both sets.
    /// </summary>
    private const float ShortLatinRarityPerIdf = 3.5f;

    private const float TitleBoost = 1.2f;

    private const float PhraseBoost = 2f;
    private const float ProximityBoost = 2f;
    private const int ProximitySlop = 6;

    /// <summary>
    /// The title only a little above the body (1.5× and 3× measured lower); hashtags, curated labels, well above
    /// (not measured: the development set has no hashtags).
    /// </summary>
    private static readonly (string Field, float Boost)[] TextFields =
    [
        (IndexSchema.Title, TitleBoost),
        (IndexSchema.HashtagText, 3f),
        (IndexSchema.AiSummary, 1f),
        (IndexSchema.OriginalText, 1f),
    ];

    private static readonly (string Field, float Boost)[] TwinFields =
    [
        (IndexSchema.TitleBigrams, TitleBoost),
        (IndexSchema.AiSummaryBigrams, 1f),
        (IndexSchema.OriginalTextBigrams, 1f),
    ];

    /// <param name="prefixLast">As typed on the search page: the last word, unless a space follows it, also matches the words it begins.</param>
    public CompiledQuery Compile(string? userQuery, SearchLimits? limits = null, bool prefixLast = false)
    {
        limits ??= SearchLimits.Default;
        var clauses = UserQueryParser.Parse(userQuery);
        if (clauses.Count == 0) return new CompiledQuery(new MatchAllDocsQuery(), new HashSet<string>(), IsBrowse: true);

        var analysed = clauses.Select(c => ArticleAnalyzer.Tokens(analyzer, c.Field == ClauseField.Title ? IndexSchema.Title : IndexSchema.AiSummary, c.Text)).ToList();
        var optionalWords = clauses.Zip(analysed, (clause, tokens) => (Clause: clause, Tokens: tokens))
            .Where(w => w.Clause.Occur == ClauseOccur.Should && w.Clause.Field == ClauseField.Any)
            .ToList();
        var build = new QueryBuild(limits)
        {
            IsOnlyWord = optionalWords.Count == 1,
            HasContentWord = optionalWords.Any(w => !IsStopWord(w.Clause)),
            IsLong = features.LongQueriesWeighed && optionalWords.Sum(w => ContentWords(w.Clause, w.Tokens)) >= LongQueryWords,
            HasCjk = optionalWords.Any(w => w.Clause.Text.Any(IsCjk)),
        };
        var completing = prefixLast && !char.IsWhiteSpace(userQuery![^1]) && userQuery[^1] != '"' ? CompletingClause(clauses, limits) : null;
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var tokens = analysed[i];
            if (clause.Occur == ClauseOccur.MustNot)
            {
                if (ScopedQuery(clause, tokens) is { } excluded) build.Exclude(excluded);
            }
            else if (clause.Occur == ClauseOccur.Must || clause.Field != ClauseField.Any)
            {
                if (ScopedQuery(clause, tokens) is { } required) build.Require(required, tokens);
            }
            else if (tokens.Count > 0)
            {
                AddOptionalWord(build, clause, tokens, completes: ReferenceEquals(clause, completing));
            }
        }

        // Several typed Latin words found near each other (a title's words in the first lines of its article) beat the
        // same words scattered over a long text. Not for Chinese: there the evaluation measured a loss, since a compound's
        // parts are already rewarded together (phrase boost, bigram reading) and nearby single characters mean little.
        if (features.Proximity && build.Words.Count > 1 && build.Sequence.Count > 1 && !build.Sequence.Any(t => t.Any(IsCjk)))
        {
            build.Root.Add(Boosted(AnyField(build.Sequence, ProximitySlop), ProximityBoost), Occur.SHOULD);
        }
        return build.Finish() with { IsLatin = features.LatinSaturation && !userQuery!.Any(IsCjk) };
    }

    /// <summary>
    /// How many content words a typed word brings towards a long query: none for a stop word, one for a phrase, and
    /// otherwise (with <see cref="RelevanceFeatures.LongCountsSmartCnWords"/>) the words SmartCn cuts it into that are
    /// not stop words: a Chinese run typed without spaces between its words, a compound such as command-line or Xlib/XCB.
    /// </summary>
    private int ContentWords(QueryClause clause, IReadOnlyList<string> tokens)
    {
        if (IsStopWord(clause)) return 0;
        if (!features.LongCountsSmartCnWords || clause.IsPhrase) return 1;
        return Math.Max(1, tokens.Count(t => !QueryStopWords.Contains(t)));
    }

    /// <summary>One optional typed word (a word, a Chinese run, a quoted phrase, a prefix): its tier and its relevance.</summary>
    private void AddOptionalWord(QueryBuild build, QueryClause clause, IReadOnlyList<string> tokens, bool completes)
    {
        // A stop word beside other words ("the", "of", 的) is not one the ranking demands: it adds relevance like a part.
        var demanded = !(features.SoftStopWords && build.HasContentWord && IsStopWord(clause));
        if (!demanded && DropsTypedStopWords(build)) return;
        if (clause.IsPrefix)
        {
            if (clause.Text.Length < build.Limits.MinPrefixLength)
            {
                throw new InvalidSearchRequestException("q", $"'{clause.Text}*' is too short a prefix: write at least {build.Limits.MinPrefixLength} characters before the *.");
            }
            // The last analysed token is the unfinished word; any before it are whole words.
            var prefix = tokens[^1];
            var prefixKey = "*" + prefix;
            if (LeftOut(build, prefixKey, clause.Text + "*")) return;
            var prefixQuery = AnyFieldPrefix(prefix, build.Limits.MaxPrefixExpansions);
            if (build.TierWords.Add(prefixKey)) build.Root.Add(Tier(prefixQuery, WordWeight(build, demanded: true)), Occur.SHOULD);
            build.Prefixes.Add(prefix);
            tokens = tokens.Take(tokens.Count - 1).ToList();
            if (tokens.Count == 0)
            {
                build.Words.Add(new QueryWord(clause.Text + "*", prefixQuery));
                return;
            }
        }
        var isPhrase = clause.IsPhrase && tokens.Count > 1;
        if (isPhrase && LeftOut(build, PhraseKey(tokens), $"\"{clause.Text}\"")) return;
        var searched = isPhrase ? tokens : SearchedTokens(build, clause, tokens);
        if (searched.Count == 0) return;
        build.Highlight.UnionWith(searched);
        build.Sequence.AddRange(searched);
        // The bigram (or exact-form) reading of the same text is the whole typed word when it matches contiguously,
        // so a name SmartCn cuts into characters, or a substring across its word boundaries, still ranks as a full match.
        // A Chinese run typed alone ("配置虚拟主机") has no other typed word to rank against: found as typed it scores
        // a fixed bonus more, but an article with its words apart can still come first on relevance (the evaluation:
        // zh MRR@10 0.5866 → 0.5976; titles are often cited verbatim by other articles than the one they name).
        var chineseRun = !clause.IsPhrase && tokens.Count > 1 && clause.Text.Any(IsCjk);
        var weighedRun = features.LoneRunWeighed && build.IsOnlyWord && chineseRun;
        var grams = TwinGrams(clause.Text);
        build.Highlight.UnionWith(grams);
        var asTyped = TwinReading(grams);
        var twin = asTyped is null || weighedRun ? null : WholeWordTier(build, asTyped, demanded);
        // The SmartCn reading: the phrase, or each new part of the word.
        var reading = new BooleanQuery(disableCoord: true);
        var tiers = 0;
        if (isPhrase)
        {
            if (build.TierWords.Add(PhraseKey(tokens)))
            {
                reading.Add(Tier(AnyField(tokens), WordWeight(build, demanded: true)), Occur.SHOULD);
                tiers = 1;
            }
        }
        else
        {
            // A word SmartCn leaves whole is the typed word; the parts of a longer one only count towards it.
            var hasContentPart = tokens.Any(t => !QueryStopWords.Contains(t));
            foreach (var token in searched)
            {
                if (!build.TierWords.Add(token)) continue;
                var part = tokens.Count == 1 ? WholeWordTier(build, AnyField([token]), demanded) : Tier(AnyField([token]), PartTier);
                if (features.SoftStopWords && hasContentPart && QueryStopWords.Contains(token))
                {
                    if (!DropsStopWordParts(build)) build.ScoreOnly.Add(part);
                    continue;
                }
                reading.Add(part, Occur.SHOULD);
                tiers++;
            }
            // A Chinese compound ("行为报告") cut into several words is the whole typed word where its parts stand together.
            // The twin reading already says so wherever they do (its bigrams match there too), so only without it
            // is the phrase of parts searched: with it, the phrase changed no figure of the evaluation and cost a
            // positional query over four fields per compound.
            if (tokens.Count > 1 && asTyped is null) reading.Add(Tier(Boosted(AnyField(tokens), PhraseBoost), WordWeight(build, demanded)), Occur.SHOULD);
        }
        if (tiers == 0) return;
        if (weighedRun && asTyped is not null) reading.Add(new ConstantScoreQuery(asTyped) { Boost = RunAsTypedBonus }, Occur.SHOULD);
        // The run's bigrams found anywhere tell how much of it an article has whatever SmartCn made of the article: a
        // part inside a longer word (数据 in 大数据), a word SmartCn cut differently (解析 in 名称 | 解 | 析). They rank
        // what the reading matches and match nothing themselves (an article with only 数据 is no answer to 向量数据库);
        // an article with the word as typed is in its tier already, so they count beside the reading only (zh MRR@10
        // 0.6006 when added to both, 0.6093 so). Measured: the bigrams that are parts themselves carry most of it
        // (without them 0.5627), those inside parts only give 0.6056.
        Query scored = WordSumQuery.Of(reading);
        if (features.BigramOverlap && chineseRun && asTyped is not null)
        {
            scored = WordSumQuery.RankedBy(scored, WordSumQuery.Of(BigramOverlap(grams)));
        }
        Query word = twin is null ? scored : new DisjunctionMaxQuery(0f) { scored, twin };
        if (!demanded)
        {
            build.ScoreOnly.Add(word);
            return;
        }
        var wholeWord = WholeWord(clause, searched, asTyped);
        // Near forms of the word (its completion while typing, a spelling one or two edits away) match too, a tier
        // below the word itself: the word as typed is what the user wrote, the near forms what they may have meant.
        var nearForms = new List<Query>();
        if (completes) nearForms.Add(Completion(build, tokens));
        // A word still being typed is completed, not corrected.
        if (features.Typos && !build.IsLong && !completes && TypoForm(clause.Text) is { } typed) nearForms.Add(Misspelling(build, typed));
        if (nearForms.Count > 0)
        {
            var weight = WordWeight(build, demanded) * NearFormShare;
            var max = new DisjunctionMaxQuery(0f) { word };
            var any = new BooleanQuery(disableCoord: true) { { wholeWord, Occur.SHOULD } };
            foreach (var form in nearForms)
            {
                max.Add(Tier(form, weight));
                any.Add(form, Occur.SHOULD);
            }
            word = max;
            wholeWord = any;
        }
        build.Root.Add(word, Occur.SHOULD);
        build.Words.Add(new QueryWord(clause.IsPhrase ? $"\"{clause.Text}\"" : clause.Text, wholeWord));
    }

    private static string PhraseKey(IReadOnlyList<string> tokens) => "\"" + string.Join(' ', tokens);

    /// <summary>
    /// True, with <paramref name="typed"/> noted as unsearched, when the query already has as many distinct words as a
    /// search scores and <paramref name="key"/> is not one of them: a pasted paragraph is searched by its first words.
    /// </summary>
    private static bool LeftOut(QueryBuild build, string key, string typed)
    {
        if (build.Room > 0 || build.TierWords.Contains(key)) return false;
        build.LeaveOut(typed);
        return true;
    }

    /// <summary>
    /// The word's tokens that are searched: all of them while the query has room, otherwise those already searched and
    /// the new ones that fit (a long Chinese run is cut into many words); the rest are noted as unsearched, the whole
    /// word as typed when none of it is searched.
    /// </summary>
    private static IReadOnlyList<string> SearchedTokens(QueryBuild build, QueryClause clause, IReadOnlyList<string> tokens)
    {
        var room = build.Room;
        var fresh = tokens.Where(t => !build.TierWords.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        if (fresh.Count <= room) return tokens;
        var left = fresh.Skip(room).ToHashSet(StringComparer.Ordinal);
        var searched = tokens.Where(t => !left.Contains(t)).ToList();
        foreach (var word in searched.Count == 0 ? [clause.Text] : fresh.Skip(room)) build.LeaveOut(word);
        return searched;
    }

    /// <summary>What a near form of a word (a completion, a typo) earns, as a share of the word itself: below the word.</summary>
    private const float NearFormShare = 0.5f;

    /// <summary>
    /// The clause the user is still typing: the last one, an optional word (no phrase, no explicit prefix, no field),
    /// long enough to be a prefix. Null when there is none.
    /// </summary>
    private static QueryClause? CompletingClause(IReadOnlyList<QueryClause> clauses, SearchLimits limits) =>
        clauses.Count > 0 && clauses[^1] is { Occur: ClauseOccur.Should, Field: ClauseField.Any, IsPhrase: false, IsPrefix: false } last
            && last.Text.Length >= limits.MinPrefixLength
            ? last
            : null;

    /// <summary>
    /// The typed word with its last token as a prefix: the words it begins ("anthro" → anthropic), or for a Chinese
    /// run its earlier words and the words its last character begins (开源大模 → 开源, 大, 模型). Bounded as a typed prefix.
    /// </summary>
    private static Query Completion(QueryBuild build, IReadOnlyList<string> tokens)
    {
        var prefix = tokens[^1];
        var begun = new FrequentPrefixQuery(prefix, CompletionFields, Math.Min(CompletionWords, build.Limits.MaxPrefixExpansions));
        build.Prefixes.Add(prefix);
        if (tokens.Count == 1) return begun;
        var completion = new BooleanQuery(disableCoord: true);
        foreach (var token in tokens.Take(tokens.Count - 1)) completion.Add(AnyField([token]), Occur.MUST);
        completion.Add(begun, Occur.MUST);
        return completion;
    }

    /// <summary>
    /// The words a half-typed one stands for: its most frequent completions only, so the query typed on every keystroke
    /// costs about what the finished word will.
    /// </summary>
    private const int CompletionWords = 8;

    /// <summary>
    /// Where a half-typed word is completed: the title, hashtags and AI summary, what a person remembers reading. The
    /// original text, the longest field, would bring in many more articles on every keystroke (at 100k, `open so`
    /// 21,820 → 32,203 answers and 8.3 → 13.1 ms).
    /// </summary>
    private static readonly (string Field, float Boost)[] CompletionFields = [.. TextFields.Where(f => f.Field != IndexSchema.OriginalText)];

    /// <summary>Typos are forgiven in Latin words of letters only: one edit from five letters on, two from nine (Meilisearch's rule).</summary>
    private const int OneTypoLength = 5;
    private const int TwoTyposLength = 9;

    /// <summary>Longer runs of letters are no word anyone misspells; the automaton for one costs seconds (990 letters: 3 s).</summary>
    private const int MaxTypoLength = 32;
    private const char LatinEnd = '\u0250';

    /// <summary>
    /// The word's exact (case-folded) form when typos may be forgiven in it: Latin letters only (below U+0250), long
    /// enough, and not typed in capitals (an acronym such as GREYC is a name, not a misspelt word); otherwise null.
    /// </summary>
    private static string? TypoForm(string text)
    {
        if (text.Length < OneTypoLength || text.Length > MaxTypoLength || !text.All(c => char.IsLetter(c) && c < LatinEnd) || text.All(char.IsUpper)) return null;
        return text.ToLowerInvariant();
    }

    /// <summary>Words one or two edits from the typed one in the exact-form reading (anthropik → anthropic), when the archive lacks it.</summary>
    private static Query Misspelling(QueryBuild build, string typed)
    {
        var misspelling = new MisspellingQuery(typed, typed.Length >= TwoTyposLength ? 2 : 1, TwinFields, MaxTypoExpansions);
        build.Misspellings.Add(misspelling);
        return misspelling;
    }

    /// <summary>Spellings a misspelt word may expand to per field.</summary>
    private const int MaxTypoExpansions = 16;

    /// <summary>
    /// Matches the articles that contain the whole of a typed word: every SmartCn word of it (the phrase, for a quoted
    /// phrase), or its contiguous bigram reading. An article with only one character of an unknown name does not count.
    /// </summary>
    private static Query WholeWord(QueryClause clause, IReadOnlyList<string> tokens, Query? twin)
    {
        var smartCn = EveryToken(tokens, asPhrase: clause.IsPhrase);
        return twin is null ? smartCn : new BooleanQuery(disableCoord: true) { { smartCn, Occur.SHOULD }, { twin, Occur.SHOULD } };
    }

    /// <summary>
    /// The clause read as CJK bigrams (Chinese) or exact forms (Latin), as the <c>_cjk</c> fields index it; empty when
    /// the feature is off.
    /// </summary>
    private IReadOnlyList<string> TwinGrams(string text)
    {
        var chinese = text.Any(IsCjk);
        if (chinese ? !features.Bigrams : !features.ExactForms) return [];
        return ArticleAnalyzer.Tokens(analyzer, IndexSchema.TitleBigrams, text);
    }

    /// <summary>The twin reading matching where it is as typed (a phrase of bigrams); null when there is none.</summary>
    private static Query? TwinReading(IReadOnlyList<string> grams)
    {
        if (grams.Count == 0) return null;
        var match = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in TwinFields) match.Add(Boosted(InField(field, grams), boost), Occur.SHOULD);
        return match;
    }

    /// <summary>The run's distinct bigrams, each scored by BM25 wherever it is in the bigram fields (the first few only).</summary>
    private static BooleanQuery BigramOverlap(IReadOnlyList<string> grams)
    {
        var overlap = new BooleanQuery(disableCoord: true) { Boost = OverlapBoost };
        foreach (var gram in grams.Distinct().Take(MaxOverlapBigrams))
        {
            foreach (var (field, boost) in TwinFields) overlap.Add(Boosted(new TermQuery(new Term(field, gram)), boost), Occur.SHOULD);
        }
        return overlap;
    }

    /// <summary>A stop word typed apart in a long query (the, 的, 与 between the words) is not searched at all.</summary>
    private bool DropsTypedStopWords(QueryBuild build) => build.IsLong && features.LongQueryStopWordsDropped;

    /// <summary>
    /// Nor, in a long Latin query, a stop word inside a word; inside a Chinese run (的 in 数据的模型) it still ranks:
    /// dropping it cost zh-TW MRR@10 0.4698 → 0.4691.
    /// </summary>
    private bool DropsStopWordParts(QueryBuild build) => DropsTypedStopWords(build) && !build.HasCjk;

    /// <summary>A stop word as typed; a prefix ("the*") is what the user asked for, never a stop word.</summary>
    private static bool IsStopWord(QueryClause clause) => !clause.IsPrefix && QueryStopWords.Contains(clause.Text);

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static Query Tier(Query word, float weight) => new TierQuery(word, weight);

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    /// <summary>The tokens (as a phrase when several) in any text field, each field that has them counting.</summary>
    private static Query AnyField(IReadOnlyList<string> tokens, int slop = 0)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in TextFields) any.Add(Boosted(InField(field, tokens, slop), boost), Occur.SHOULD);
        return any;
    }

    /// <summary>Words beginning with <paramref name="prefix"/> in any text field, the most frequent <paramref name="maxWords"/> of them.</summary>
    private static Query AnyFieldPrefix(string prefix, int maxWords) => new FrequentPrefixQuery(prefix, TextFields, maxWords);

    private static Query InField(string field, IReadOnlyList<string> tokens, int slop = 0)
    {
        if (tokens.Count == 1) return new TermQuery(new Term(field, tokens[0]));
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var token in tokens) phrase.Add(new Term(field, token));
        return phrase;
    }

    /// <summary>A required or excluded clause; null when it has nothing to match on (it is then ignored).</summary>
    private static Query? ScopedQuery(QueryClause clause, IReadOnlyList<string> tokens)
    {
        switch (clause.Field)
        {
            case ClauseField.Source:
                var sourceKey = ArticleDocumentMapper.KeywordKey(clause.Text);
                return sourceKey.Length == 0 ? null : new TermQuery(new Term(IndexSchema.SourceKey, sourceKey));
            case ClauseField.Hashtag:
                var tagKey = ArticleDocumentMapper.KeywordKey(clause.Text.Trim('#'));
                if (tagKey.Length == 0) return null;
                var tag = new BooleanQuery { { new TermQuery(new Term(IndexSchema.HashtagKey, tagKey)), Occur.SHOULD } };
                if (tokens.Count > 0) tag.Add(InField(IndexSchema.HashtagText, tokens), Occur.SHOULD);
                return tag;
            case ClauseField.Title:
                return tokens.Count == 0 ? null : AllTokens(IndexSchema.Title, tokens, clause.IsPhrase);
            default:
                if (tokens.Count == 0) return null;
                // An excluded word is excluded as typed (its parts adjacent); a required one needs all its parts.
                return EveryToken(tokens, asPhrase: clause.IsPhrase || clause.Occur == ClauseOccur.MustNot);
        }
    }

    /// <summary>All the tokens in any text field: as a phrase, or each anywhere.</summary>
    private static Query EveryToken(IReadOnlyList<string> tokens, bool asPhrase)
    {
        if (asPhrase || tokens.Count == 1) return AnyField(tokens);
        var all = new BooleanQuery(disableCoord: true);
        foreach (var token in tokens) all.Add(AnyField([token]), Occur.MUST);
        return all;
    }

    private static Query AllTokens(string field, IReadOnlyList<string> tokens, bool asPhrase)
    {
        if (asPhrase || tokens.Count == 1) return InField(field, tokens);
        var all = new BooleanQuery(disableCoord: true);
        foreach (var token in tokens) all.Add(new TermQuery(new Term(field, token)), Occur.MUST);
        return all;
    }
}
