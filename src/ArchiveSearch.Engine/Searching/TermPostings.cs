using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// A term's postings and its BM25 factors, taken out of the <c>TermScorer</c> Lucene made for it, so that a flat sum
/// scores a posting with one call for the frequency and an array read for the norm instead of six virtual calls through
/// the scorer, its similarity and the norms. <see cref="Score"/> is <c>BM25DocScorer.Score</c>'s float arithmetic, operation for
/// operation, so the scores are Lucene's to the bit (the flat-versus-nested tests compare them).
/// </summary>
internal sealed class TermPostings
{
    public readonly DocsEnum Docs;
    /// <summary>The field's norms in the segment as a byte per document (null: the field has none).</summary>
    private readonly byte[]? norms;
    private readonly float[] cache;
    private readonly float weightValue;
    private readonly float k1;

    private TermPostings(DocsEnum docs, byte[]? norms, float[] cache, float weightValue, float k1)
    {
        Docs = docs;
        this.norms = norms;
        this.cache = cache;
        this.weightValue = weightValue;
        this.k1 = k1;
    }

    private static readonly Type? TermScorerType = typeof(Scorer).Assembly.GetType("Lucene.Net.Search.TermScorer");
    private static readonly Type? Bm25ScorerType = typeof(BM25Similarity).Assembly.GetType("Lucene.Net.Search.Similarities.BM25Similarity+BM25DocScorer");

    /// <summary>
    /// The postings of a BM25 term scorer of a segment of <paramref name="maxDoc"/> documents; null for any other scorer
    /// (it is then scored through its own calls).
    /// </summary>
    public static TermPostings? Of(Scorer scorer, int maxDoc)
    {
        if (scorer.GetType() != TermScorerType) return null;
        var docScorer = DocScorerOf(scorer);
        if (docScorer.GetType() != Bm25ScorerType) return null;
        var norms = NormsOf(docScorer) is { } values ? NormBytes.GetValue(values, v => BytesOf(v, maxDoc)) : null;
        return new TermPostings(DocsEnumOf(scorer), norms, CacheOf(docScorer), WeightValueOf(docScorer), K1Of(SimilarityOf(docScorer)));
    }

    /// <summary>
    /// A segment's norms of a field, read once into an array: a segment reader hands out one norms object per field for
    /// its whole life, so the array lives as long as that object and no longer.
    /// </summary>
    private static readonly ConditionalWeakTable<NumericDocValues, byte[]> NormBytes = new();

    private static byte[] BytesOf(NumericDocValues norms, int maxDoc)
    {
        var bytes = new byte[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) bytes[doc] = (byte)((sbyte)norms.Get(doc) & 0xFF);
        return bytes;
    }

    /// <summary>The BM25 score of the document the postings are on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Score(int doc) => Score(doc, Docs.Freq);

    /// <summary>The BM25 score of a document that has the term <paramref name="frequency"/> times.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Score(int doc, int frequency) => Scoring.Score(doc, frequency);

    /// <summary>The term's BM25 factors by value, for a posting loop to keep in registers.</summary>
    public Bm25 Scoring => new(norms, cache, weightValue, k1);

    /// <summary>The BM25 factors of one term in one segment.</summary>
    internal readonly struct Bm25(byte[]? norms, float[] cache, float weightValue, float k1)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Score(int doc, int frequency)
        {
            float freq = frequency;
            var norm = norms is null ? k1 : cache[norms[doc]];
            return weightValue * freq / (freq + norm);
        }
    }

    /// <summary>
    /// A cursor over the postings from the document they are on, reading Lucene's decoded block directly when it can
    /// (<see cref="PostingsCursor"/>); <see cref="PostingsCursor.Save"/> hands the position back before any other call.
    /// </summary>
    public PostingsCursor Cursor(int doc) => new(Docs, doc);

    private const string TermScorer = "Lucene.Net.Search.TermScorer, Lucene.Net";
    private const string Bm25DocScorer = "Lucene.Net.Search.Similarities.BM25Similarity+BM25DocScorer, Lucene.Net";

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "docsEnum")]
    private static extern ref DocsEnum DocsEnumOf([UnsafeAccessorType(TermScorer)] object scorer);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "docScorer")]
    private static extern ref Similarity.SimScorer DocScorerOf([UnsafeAccessorType(TermScorer)] object scorer);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "norms")]
    private static extern ref NumericDocValues? NormsOf([UnsafeAccessorType(Bm25DocScorer)] object docScorer);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "cache")]
    private static extern ref float[] CacheOf([UnsafeAccessorType(Bm25DocScorer)] object docScorer);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "weightValue")]
    private static extern ref float WeightValueOf([UnsafeAccessorType(Bm25DocScorer)] object docScorer);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "outerInstance")]
    private static extern ref BM25Similarity SimilarityOf([UnsafeAccessorType(Bm25DocScorer)] object docScorer);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "k1")]
    private static extern ref float K1Of(BM25Similarity similarity);
}
