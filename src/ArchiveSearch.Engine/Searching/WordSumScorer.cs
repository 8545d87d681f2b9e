using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Scores <see cref="WordSumQuery"/> a window of <see cref="WindowSize"/> documents at a time: each scorer's postings in
/// the window are summed into per-document slots part by part, each part's sum plus its bonus kept if it is the word's
/// best, each word's best added to the document's total; then the window's documents are handed out in order. No heap:
/// every posting costs one pass, where nested disjunctions pay a heap adjustment at every level they cross.
/// </summary>
/// <remarks>
/// Sums are doubles cast to float where Lucene casts them (a disjunction's sum, the words' total), so scores equal those
/// of the nested queries: a double holds the exact sum of a few dozen floats of this range, whatever the order.
/// </remarks>
internal sealed class WordSumScorer : Scorer
{
    /// <summary>Scorers whose scores add up, plus a constant: one tier of a word, or a word's own query (no bonus).</summary>
    internal sealed record Part(Scorer[] Scorers, float Bonus);

    /// <summary>A word scores its best matching part.</summary>
    internal sealed record Word(Part[] Parts);

    private const int WindowSize = 2048;

    private readonly Word[] words;
    private readonly Scorer[] scorers;
    private readonly int[] positions;

    private readonly double[] partSums = new double[WindowSize];
    private readonly int[] partStamps = new int[WindowSize];
    private readonly int[] partSlots = new int[WindowSize];
    private readonly float[] wordBest = new float[WindowSize];
    private readonly int[] wordStamps = new int[WindowSize];
    private readonly int[] wordSlots = new int[WindowSize];
    private readonly double[] totals = new double[WindowSize];
    private readonly int[] matchedWords = new int[WindowSize];
    private readonly ulong[] hits = new ulong[WindowSize / 64];
    private int stamp;

    private readonly int[] windowDocs = new int[WindowSize];
    private readonly float[] windowScores = new float[WindowSize];
    private readonly int[] windowFreqs = new int[WindowSize];
    private int windowCount;
    private int cursor;
    private int doc = -1;

    public WordSumScorer(Weight weight, Word[] words) : base(weight)
    {
        this.words = words;
        scorers = [.. words.SelectMany(w => w.Parts).SelectMany(p => p.Scorers)];
        positions = new int[scorers.Length];
        for (var i = 0; i < scorers.Length; i++) positions[i] = scorers[i].NextDoc();
    }

    public override int DocID => doc;

    /// <summary>How many words the document matched.</summary>
    public override int Freq => windowFreqs[cursor];

    public override float GetScore() => windowScores[cursor];

    public override long GetCost() => scorers.Sum(s => s.GetCost());

    public override ICollection<ChildScorer> GetChildren() => [.. scorers.Select(s => new ChildScorer(s, "SHOULD"))];

    public override int NextDoc()
    {
        if (++cursor < windowCount) return doc = windowDocs[cursor];
        return doc = FillFrom(positions.Min());
    }

    public override int Advance(int target)
    {
        while (++cursor < windowCount)
        {
            if (windowDocs[cursor] >= target) return doc = windowDocs[cursor];
        }
        var first = NoMoreDocs;
        for (var i = 0; i < scorers.Length; i++)
        {
            if (positions[i] < target) positions[i] = scorers[i].Advance(target);
            first = Math.Min(first, positions[i]);
        }
        return doc = FillFrom(first);
    }

    private const int NoMoreDocs = DocIdSetIterator.NO_MORE_DOCS;

    /// <summary>Scores the window starting at <paramref name="start"/> (the first document any scorer is on); its first document.</summary>
    private int FillFrom(int start)
    {
        windowCount = 0;
        cursor = 0;
        while (start != NoMoreDocs)
        {
            Fill(start, start + WindowSize);
            if (windowCount > 0) return windowDocs[0];
            start = positions.Min();
        }
        return NoMoreDocs;
    }

    private void Fill(int start, int end)
    {
        var scorerIndex = 0;
        foreach (var word in words)
        {
            var wordStamp = ++stamp;
            var wordCount = 0;
            foreach (var part in word.Parts)
            {
                var partStamp = ++stamp;
                var partCount = 0;
                foreach (var scorer in part.Scorers)
                {
                    var at = positions[scorerIndex];
                    while (at < end)
                    {
                        var slot = at - start;
                        if (partStamps[slot] != partStamp)
                        {
                            partStamps[slot] = partStamp;
                            partSums[slot] = 0;
                            partSlots[partCount++] = slot;
                        }
                        partSums[slot] += scorer.GetScore();
                        at = scorer.NextDoc();
                    }
                    positions[scorerIndex++] = at;
                }
                for (var i = 0; i < partCount; i++)
                {
                    var slot = partSlots[i];
                    var value = (float)partSums[slot] + part.Bonus;
                    if (wordStamps[slot] != wordStamp)
                    {
                        wordStamps[slot] = wordStamp;
                        wordBest[slot] = value;
                        wordSlots[wordCount++] = slot;
                    }
                    else
                    {
                        wordBest[slot] = Math.Max(wordBest[slot], value);
                    }
                }
            }
            for (var i = 0; i < wordCount; i++)
            {
                var slot = wordSlots[i];
                ref var bits = ref hits[slot >> 6];
                var bit = 1UL << (slot & 63);
                if ((bits & bit) == 0)
                {
                    bits |= bit;
                    totals[slot] = 0;
                    matchedWords[slot] = 0;
                }
                totals[slot] += wordBest[slot];
                matchedWords[slot]++;
            }
        }
        for (var block = 0; block < hits.Length; block++)
        {
            var bits = hits[block];
            while (bits != 0)
            {
                var slot = (block << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                windowDocs[windowCount] = start + slot;
                windowScores[windowCount] = (float)totals[slot];
                windowFreqs[windowCount] = matchedWords[slot];
                windowCount++;
            }
            hits[block] = 0;
        }
    }
}
