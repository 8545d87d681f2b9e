using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Scores <see cref="WordSumQuery"/> a window of <see cref="WindowSize"/> documents at a time: each scorer's postings in
/// the window are summed into per-document slots part by part, each part's sum plus its bonus kept if it is the word's
/// best, each word's best added to the document's total; then the window's documents are handed out in order. No heap:
/// every posting costs one pass, where nested disjunctions pay a heap adjustment at every level they cross. Optional
/// words only add to the documents the words match, as a boolean query's SHOULD clause beside a MUST one would.
/// </summary>
/// <remarks>
/// Sums are doubles cast to float where Lucene casts them (a disjunction's sum, the words' total, the optional words'
/// total added to it as Lucene's required-optional scorer adds two floats), so scores equal those of the nested queries:
/// a double holds the exact sum of a few dozen floats of this range, whatever the order.
/// </remarks>
internal sealed class WordSumScorer : Scorer
{
    /// <summary>
    /// Scorers whose scores add up, plus a constant: one tier of a word, or a word's own query (no bonus); or a nested sum
    /// (<paramref name="Sub"/>, a Chinese run's reading ranked by its bigram overlap), scored in the same windows.
    /// </summary>
    internal sealed record Part(Scorer[] Scorers, float Bonus, WordSumScorer? Sub = null);

    /// <summary>A word scores its best matching part.</summary>
    internal sealed record Word(Part[] Parts);

    internal const int WindowSize = 2048;

    private readonly Word[] words;
    private readonly Word[] optional;
    private readonly Scorer[] scorers;
    /// <summary>Per scorer, its postings when it is a BM25 term scorer (nearly all are), scored without its calls.</summary>
    private readonly TermPostings?[] postings;
    private readonly int[] positions;

    /// <summary>The words' scorers come first in <see cref="scorers"/>, the optional words' after them.</summary>
    private readonly int requiredScorers;

    /// <summary>
    /// Per word, the words' first and the optional words' after: whether the word is one term scored from its postings
    /// (each bigram of a Chinese run's overlap, a stop word in one field). Such a word's scores go straight into the
    /// totals: with one posting per document it needs neither a part's sums nor a word's best.
    /// </summary>
    private readonly bool[] singleTerms;

    /// <summary>The nested sums, the words' first (<see cref="requiredSubs"/> of them), the optional words' after.</summary>
    private readonly WordSumScorer[] subs;
    private readonly int requiredSubs;

    /// <summary>
    /// A window's working arrays (about 100 KB), pooled per thread: a search makes one scorer per sum and segment, and a
    /// long Chinese query nests several. Between uses every sum is 0, every best is -∞ and every bit clear, so a posting
    /// is added without asking whether its document was seen before (a branch the processor mispredicts half the time).
    /// A scorer hands its arrays back once it has no more documents.
    /// </summary>
    private sealed class Slots
    {
        public readonly double[] PartSums = new double[WindowSize];
        public readonly ulong[] PartBits = new ulong[WindowSize / 64];
        public readonly float[] WordBest = NewWordBest();
        public readonly ulong[] WordBits = new ulong[WindowSize / 64];
        public readonly double[] Totals = new double[WindowSize];
        public readonly double[] OptionalTotals = new double[WindowSize];
        public readonly int[] MatchedWords = new int[WindowSize];
        public readonly ulong[] Hits = new ulong[WindowSize / 64];
        public readonly int[] WindowDocs = new int[WindowSize];

        /// <summary>The last window's matches (<see cref="WindowDocs"/>, from this first document), whose totals are still set.</summary>
        private int usedStart;
        private int usedCount;

        private static float[] NewWordBest()
        {
            var best = new float[WindowSize];
            Array.Fill(best, float.NegativeInfinity);
            return best;
        }

        /// <summary>The score of the document in <paramref name="slot"/>: the optional words' total added as Lucene adds two floats.</summary>
        public float ScoreAt(int slot) => (float)Totals[slot] + (float)OptionalTotals[slot];

        /// <summary>The window starting at <paramref name="start"/> holds these matches until <see cref="ClearTotals"/>.</summary>
        public void KeepTotals(int start, int count)
        {
            usedStart = start;
            usedCount = count;
        }

        /// <summary>The last window's totals back to 0: only its matches have any.</summary>
        public void ClearTotals()
        {
            for (var i = 0; i < usedCount; i++)
            {
                var slot = WindowDocs[i] - usedStart;
                Totals[slot] = 0;
                OptionalTotals[slot] = 0;
                MatchedWords[slot] = 0;
            }
            usedCount = 0;
        }

        [ThreadStatic] private static Stack<Slots>? pool;

        public static Slots Rent() => pool is { Count: > 0 } free ? free.Pop() : new Slots();

        /// <summary>Enough for the sums one search nests; beyond that a thread keeps no more (each set is about 100 KB).</summary>
        private const int MaxPooled = 16;

        public static void Return(Slots slots)
        {
            slots.ClearTotals();
            pool ??= new Stack<Slots>();
            if (pool.Count < MaxPooled) pool.Push(slots);
        }
    }

    private Slots? slots = Slots.Rent();
    private int windowStart;
    private int windowCount;
    private int cursor;
    private int doc = -1;

    /// <param name="maxDoc">The segment's document count (its norms are read into arrays of that length).</param>
    public WordSumScorer(Weight weight, int maxDoc, Word[] words, Word[]? optional = null) : base(weight)
    {
        this.words = words;
        this.optional = optional ?? [];
        scorers = [.. words.Concat(this.optional).SelectMany(w => w.Parts).SelectMany(p => p.Scorers)];
        requiredScorers = words.SelectMany(w => w.Parts).Sum(p => p.Scorers.Length);
        subs = [.. words.Concat(this.optional).SelectMany(w => w.Parts).Select(p => p.Sub).OfType<WordSumScorer>()];
        requiredSubs = words.SelectMany(w => w.Parts).Count(p => p.Sub is not null);
        postings = [.. scorers.Select(s => TermPostings.Of(s, maxDoc))];
        positions = new int[scorers.Length];
        for (var i = 0; i < scorers.Length; i++) positions[i] = scorers[i].NextDoc();
        singleTerms = SingleTerms(words.Concat(this.optional), postings);
    }

    private static bool[] SingleTerms(IEnumerable<Word> words, TermPostings?[] postings)
    {
        var single = new List<bool>();
        var scorerIndex = 0;
        foreach (var word in words)
        {
            single.Add(word.Parts is [{ Sub: null, Scorers.Length: 1 }] && postings[scorerIndex] is not null);
            scorerIndex += word.Parts.Sum(p => p.Scorers.Length);
        }
        return [.. single];
    }

    public override int DocID => doc;

    /// <summary>How many words the document matched.</summary>
    public override int Freq => slots!.MatchedWords[doc - windowStart];

    public override float GetScore() => slots!.ScoreAt(doc - windowStart);

    /// <summary>The score of a match of the current window (the one <see cref="CollectUpTo"/> is handing out).</summary>
    internal float ScoreOf(int match) => slots!.ScoreAt(match - windowStart);

    /// <summary>
    /// Hands the matches from the current document up to <paramref name="end"/> (exclusive) to <paramref name="collector"/>
    /// a window at a time, then returns the first match at or after it, or no more documents. The scorer is on a document
    /// (after <see cref="NextDoc"/> or <see cref="Advance"/>).
    /// </summary>
    internal int CollectUpTo(IWindowCollector collector, int end)
    {
        while (doc < end)
        {
            var matches = slots!.WindowDocs;
            var stop = windowCount;
            if (matches[windowCount - 1] >= end)
            {
                var found = Array.BinarySearch(matches, cursor, windowCount - cursor, end);
                stop = found >= 0 ? found : ~found;
            }
            collector.CollectWindow(matches.AsSpan(cursor, stop - cursor), this);
            if (stop < windowCount)
            {
                cursor = stop;
                return doc = matches[stop];
            }
            cursor = windowCount - 1;
            NextDoc();
        }
        return doc;
    }

    public override long GetCost() => scorers.Sum(s => s.GetCost()) + subs.Sum(s => s.GetCost());

    public override ICollection<ChildScorer> GetChildren() => [.. scorers.Concat(subs).Select(s => new ChildScorer(s, "SHOULD"))];

    public override int NextDoc()
    {
        if (slots is null) return doc = NoMoreDocs;
        if (++cursor < windowCount) return doc = slots.WindowDocs[cursor];
        return doc = FillFrom(FirstRequired());
    }

    /// <summary>The first document any of the words' scorers is on: the optional words never start a window.</summary>
    private int FirstRequired()
    {
        var first = NoMoreDocs;
        for (var i = 0; i < requiredScorers; i++) first = Math.Min(first, positions[i]);
        for (var i = 0; i < requiredSubs; i++) first = Math.Min(first, subs[i].FirstRequired());
        return first;
    }

    /// <summary>Every scorer before <paramref name="target"/> moved to it, nested sums' included; no window is scored.</summary>
    private void SkipTo(int target)
    {
        for (var i = 0; i < scorers.Length; i++)
        {
            if (positions[i] < target) positions[i] = scorers[i].Advance(target);
        }
        foreach (var sub in subs) sub.SkipTo(target);
    }

    /// <summary>The window arrays back to the pool, nested sums' too: the scorer has no more documents.</summary>
    private void Release()
    {
        foreach (var sub in subs) sub.Release();
        if (slots is not null) Slots.Return(slots);
        slots = null;
    }

    public override int Advance(int target)
    {
        if (slots is null) return doc = NoMoreDocs;
        while (++cursor < windowCount)
        {
            if (slots.WindowDocs[cursor] >= target) return doc = slots.WindowDocs[cursor];
        }
        SkipTo(target);
        return doc = FillFrom(FirstRequired());
    }

    private const int NoMoreDocs = DocIdSetIterator.NO_MORE_DOCS;

    /// <summary>
    /// Scores the window starting at <paramref name="start"/> (the first document any word's scorer is on); its first document,
    /// or no more documents, when the arrays go back to the pool.
    /// </summary>
    private int FillFrom(int start)
    {
        cursor = 0;
        while (start != NoMoreDocs)
        {
            Fill(slots!, start, start + WindowSize);
            if (windowCount > 0) return slots!.WindowDocs[0];
            start = FirstRequired();
        }
        Release();
        return NoMoreDocs;
    }

    private void Fill(Slots w, int start, int end)
    {
        w.ClearTotals();
        windowStart = start;
        windowCount = 0;
        var scorerIndex = 0;
        var wordIndex = 0;
        foreach (var word in words)
        {
            if (singleTerms[wordIndex++])
            {
                AddTermToTotals(w, scorerIndex++, word.Parts[0].Bonus, start, end);
                continue;
            }
            ScoreWord(w, word, ref scorerIndex, start, end);
            AddWordToTotals(w);
        }
        for (var block = 0; block < w.Hits.Length; block++)
        {
            var bits = w.Hits[block];
            while (bits != 0)
            {
                var slot = (block << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                w.WindowDocs[windowCount++] = start + slot;
            }
        }
        w.KeepTotals(start, windowCount);
        // Where the words match a third of the window or more, walking an optional word's postings costs less than
        // advancing them to each match; where they match fewer, only the matches are visited.
        var dense = windowCount >= WindowSize / 3;
        foreach (var word in optional)
        {
            if (singleTerms[wordIndex++])
            {
                if (dense) AddTermToOptionalTotals(w, scorerIndex++, word.Parts[0].Bonus, start, end);
                else AddTermToOptionalTotals(w, scorerIndex++, word.Parts[0].Bonus, end, w.WindowDocs, windowCount);
                continue;
            }
            if (dense) ScoreWord(w, word, ref scorerIndex, start, end);
            else ScoreWord(w, word, ref scorerIndex, start, end, w.WindowDocs, windowCount);
            AddOptionalWordToTotals(w);
        }
        Array.Clear(w.Hits);
    }

    /// <summary>
    /// A one-term word's scores in the window added to the documents' totals, as <see cref="ScoreWord"/> and the words'
    /// loop would: the part's double sum of one float is that float, plus the bonus in float, added to the total.
    /// </summary>
    private void AddTermToTotals(Slots w, int scorerIndex, float bonus, int start, int end)
    {
        var at = positions[scorerIndex];
        if (at < start) at = scorers[scorerIndex].Advance(start);
        var term = postings[scorerIndex]!;
        var cursor = term.Cursor(at);
        var sink = new TotalsSink(w, start, term.Scoring, bonus);
        at = cursor.WalkTo(end, ref sink);
        cursor.Save();
        positions[scorerIndex] = at;
    }

    /// <summary>A one-term word's postings: each document a hit, its score plus the bonus in its total, one more word matched.</summary>
    private readonly struct TotalsSink(Slots w, int start, TermPostings.Bm25 scoring, float bonus) : IPostingSink
    {
        private readonly ulong[] hits = w.Hits;
        private readonly double[] totals = w.Totals;
        private readonly int[] matchedWords = w.MatchedWords;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int doc, int freq)
        {
            var slot = doc - start;
            hits[slot >> 6] |= 1UL << (slot & 63);
            totals[slot] += scoring.Score(doc, freq) + bonus;
            matchedWords[slot]++;
        }
    }

    /// <summary>A one-term optional word's scores added to the window's matches it has, walking all its postings in the window.</summary>
    private void AddTermToOptionalTotals(Slots w, int scorerIndex, float bonus, int start, int end)
    {
        var at = positions[scorerIndex];
        if (at < start) at = scorers[scorerIndex].Advance(start);
        var term = postings[scorerIndex]!;
        var cursor = term.Cursor(at);
        var sink = new OptionalTotalsSink(w, start, term.Scoring, bonus);
        at = cursor.WalkTo(end, ref sink);
        cursor.Save();
        positions[scorerIndex] = at;
    }

    /// <summary>A one-term optional word's postings: the score plus the bonus in the optional total of each document that is a hit.</summary>
    private readonly struct OptionalTotalsSink(Slots w, int start, TermPostings.Bm25 scoring, float bonus) : IPostingSink
    {
        private readonly ulong[] hits = w.Hits;
        private readonly double[] optionalTotals = w.OptionalTotals;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int doc, int freq)
        {
            var slot = doc - start;
            if ((hits[slot >> 6] & (1UL << (slot & 63))) != 0) optionalTotals[slot] += scoring.Score(doc, freq) + bonus;
        }
    }

    /// <summary>A one-term optional word's scores added to the window's matches (<paramref name="only"/>, in order), advancing to each.</summary>
    private void AddTermToOptionalTotals(Slots w, int scorerIndex, float bonus, int end, int[] only, int onlyCount)
    {
        var at = positions[scorerIndex];
        var scorer = scorers[scorerIndex];
        var term = postings[scorerIndex]!;
        for (var i = 0; i < onlyCount && at < end; i++)
        {
            var target = only[i];
            if (at < target) at = scorer.Advance(target);
            if (at == target) w.OptionalTotals[target - windowStart] += term.Score(at) + bonus;
        }
        positions[scorerIndex] = at;
    }

    /// <summary>
    /// One word's best part in the window, per document: <see cref="Slots.WordBest"/> at the bits of <see cref="Slots.WordBits"/>
    /// (the caller takes them and puts both back), a scorer left before the window (an optional word's) skipped to it. With
    /// <paramref name="only"/>, an optional word's, only those documents (the window's matches, in order) are scored, each
    /// scorer advanced to them, as a boolean query's optional clause is: a stop word's postings (的 is in nearly every
    /// article) can be far longer than what the words match.
    /// </summary>
    private void ScoreWord(Slots w, Word word, ref int scorerIndex, int start, int end, int[]? only = null, int onlyCount = 0)
    {
        foreach (var part in word.Parts)
        {
            if (part.Sub is { } sub)
            {
                // The nested sum scores the same window in its own arrays; each document it matches is one score here.
                sub.SkipTo(start);
                var nested = sub.slots!;
                sub.Fill(nested, start, end);
                for (var i = 0; i < sub.windowCount; i++)
                {
                    var slot = nested.WindowDocs[i] - start;
                    w.PartBits[slot >> 6] |= 1UL << (slot & 63);
                    w.PartSums[slot] = nested.ScoreAt(slot);
                }
            }
            foreach (var scorer in part.Scorers)
            {
                var at = positions[scorerIndex];
                var term = postings[scorerIndex];
                if (only is not null)
                {
                    for (var i = 0; i < onlyCount && at < end; i++)
                    {
                        var target = only[i];
                        if (at < target) at = scorer.Advance(target);
                        if (at == target) AddToPart(w, at - start, term is null ? scorer.GetScore() : term.Score(at));
                    }
                    positions[scorerIndex++] = at;
                    continue;
                }
                if (at < start) at = scorer.Advance(start);
                if (term is not null)
                {
                    var cursor = term.Cursor(at);
                    var sink = new PartSink(w, start, term.Scoring);
                    at = cursor.WalkTo(end, ref sink);
                    cursor.Save();
                }
                else
                {
                    while (at < end)
                    {
                        AddToPart(w, at - start, scorer.GetScore());
                        at = scorer.NextDoc();
                    }
                }
                positions[scorerIndex++] = at;
            }
            FoldPartIntoWord(w, part.Bonus);
        }
    }

    // The folds below visit the set bits a 64-slot block at a time, each block's bits cleared as it is read: the arrays
    // go back clear, with no second pass over the bits.

    /// <summary>The part's sums plus its bonus into the word's best, and back to 0 for the next part; its bits into the word's.</summary>
    private static void FoldPartIntoWord(Slots w, float bonus)
    {
        var partBits = w.PartBits;
        var wordBits = w.WordBits;
        var sums = w.PartSums;
        var best = w.WordBest;
        for (var block = 0; block < partBits.Length; block++)
        {
            var bits = partBits[block];
            if (bits == 0) continue;
            partBits[block] = 0;
            wordBits[block] |= bits;
            var first = block << 6;
            do
            {
                var slot = first + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var value = (float)sums[slot] + bonus;
                sums[slot] = 0;
                best[slot] = Math.Max(best[slot], value);
            } while (bits != 0);
        }
    }

    /// <summary>The word's best per document into the totals, counted as a matched word, the document made a hit; the best back to -∞.</summary>
    private static void AddWordToTotals(Slots w)
    {
        var wordBits = w.WordBits;
        var hits = w.Hits;
        var best = w.WordBest;
        var totals = w.Totals;
        var matched = w.MatchedWords;
        for (var block = 0; block < wordBits.Length; block++)
        {
            var bits = wordBits[block];
            if (bits == 0) continue;
            wordBits[block] = 0;
            hits[block] |= bits;
            var first = block << 6;
            do
            {
                var slot = first + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                totals[slot] += best[slot];
                best[slot] = float.NegativeInfinity;
                matched[slot]++;
            } while (bits != 0);
        }
    }

    /// <summary>An optional word's best into the optional totals of the documents that are hits; the best back to -∞ everywhere.</summary>
    private static void AddOptionalWordToTotals(Slots w)
    {
        var wordBits = w.WordBits;
        var hits = w.Hits;
        var best = w.WordBest;
        var totals = w.OptionalTotals;
        for (var block = 0; block < wordBits.Length; block++)
        {
            var bits = wordBits[block];
            if (bits == 0) continue;
            wordBits[block] = 0;
            var first = block << 6;
            for (var hit = bits & hits[block]; hit != 0; hit &= hit - 1)
            {
                var slot = first + BitOperations.TrailingZeroCount(hit);
                totals[slot] += best[slot];
            }
            do
            {
                best[first + BitOperations.TrailingZeroCount(bits)] = float.NegativeInfinity;
                bits &= bits - 1;
            } while (bits != 0);
        }
    }

    /// <summary>A term's postings summed into its part's slots, as <see cref="AddToPart(Slots, int, float)"/> sums a scorer's.</summary>
    private readonly struct PartSink(Slots w, int start, TermPostings.Bm25 scoring) : IPostingSink
    {
        private readonly ulong[] partBits = w.PartBits;
        private readonly double[] partSums = w.PartSums;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int doc, int freq) => AddToPart(partBits, partSums, doc - start, scoring.Score(doc, freq));
    }

    /// <summary>A scorer's score for the document in <paramref name="slot"/>, summed into the part's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddToPart(Slots w, int slot, float score) => AddToPart(w.PartBits, w.PartSums, slot, score);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddToPart(ulong[] partBits, double[] partSums, int slot, float score)
    {
        partBits[slot >> 6] |= 1UL << (slot & 63);
        partSums[slot] += score;
    }
}
