using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Walks a term's postings forward from the document they are on. Over a segment without deletions, Lucene 4.1's block
/// postings are read from the enum's decoded block of 128 with the walk's state in locals: <c>NextDoc</c> keeps its
/// state in the enum's fields, and a long query's posting loop then waited on each of them being stored and read back.
/// Any other postings are walked through <c>NextDoc</c>. <see cref="Save"/> writes the state back exactly as
/// <c>NextDoc</c> would have left it, so the enum's own calls (an advance, the next refill) carry on from there.
/// </summary>
internal struct PostingsCursor
{
    private const int BlockSize = 128;
    private const int NoMoreDocs = DocIdSetIterator.NO_MORE_DOCS;

    private readonly DocsEnum docs;
    /// <summary>Null when the postings are walked through <c>NextDoc</c>.</summary>
    private readonly int[]? deltas;
    private readonly int[]? freqs;
    private readonly int docFreq;
    private int bufferUpto;
    private int docUpto;
    private int accum;

    /// <summary>The document the cursor is on, or <see cref="DocIdSetIterator.NO_MORE_DOCS"/>.</summary>
    public int Doc;

    /// <summary>How often the term is in <see cref="Doc"/>.</summary>
    public int Freq;

    private static readonly Type? BlockDocsEnumType =
        typeof(DocsEnum).Assembly.GetType("Lucene.Net.Codecs.Lucene41.Lucene41PostingsReader+BlockDocsEnum");

    public PostingsCursor(DocsEnum docs, int doc)
    {
        this.docs = docs;
        Doc = doc;
        Freq = doc == NoMoreDocs ? 0 : docs.Freq;
        if (docs.GetType() != BlockDocsEnumType || LiveDocsOf(docs) is not null) return;
        deltas = DeltasOf(docs);
        freqs = FreqsOf(docs);
        docFreq = DocFreqOf(docs);
        bufferUpto = BufferUptoOf(docs);
        docUpto = DocUptoOf(docs);
        accum = AccumOf(docs);
    }

    /// <summary>The next document, or <see cref="DocIdSetIterator.NO_MORE_DOCS"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next()
    {
        if (deltas is null)
        {
            Doc = docs.NextDoc();
            if (Doc != NoMoreDocs) Freq = docs.Freq;
            return Doc;
        }
        if (docUpto == docFreq) return Doc = NoMoreDocs;
        if (bufferUpto == BlockSize) Refill();
        accum += deltas[bufferUpto];
        docUpto++;
        Freq = freqs![bufferUpto];
        bufferUpto++;
        return Doc = accum;
    }

    /// <summary>
    /// Hands every document from <see cref="Doc"/> up to <paramref name="end"/> (exclusive) to <paramref name="sink"/> with
    /// its frequency, and returns the first document at or after <paramref name="end"/> (where the cursor is then), or no
    /// more documents. Over a decoded block the loop checks only the block's end and <paramref name="end"/>, where
    /// <see cref="Next"/> also checks the postings' end and the refill at every document.
    /// </summary>
    public int WalkTo<TSink>(int end, ref TSink sink) where TSink : struct, IPostingSink
    {
        if (Doc >= end) return Doc;
        if (deltas is null)
        {
            while (Doc < end)
            {
                sink.Add(Doc, Freq);
                Next();
            }
            return Doc;
        }
        sink.Add(Doc, Freq);
        var blockDeltas = deltas;
        var blockFreqs = freqs!;
        while (docUpto != docFreq)
        {
            if (bufferUpto == BlockSize) Refill();
            var first = bufferUpto;
            var stop = Math.Min(BlockSize, first + (docFreq - docUpto));
            var doc = accum;
            for (var i = first; i < stop; i++)
            {
                doc += blockDeltas[i];
                if (doc >= end)
                {
                    docUpto += i + 1 - first;
                    bufferUpto = i + 1;
                    accum = doc;
                    Freq = blockFreqs[i];
                    return Doc = doc;
                }
                sink.Add(doc, blockFreqs[i]);
            }
            docUpto += stop - first;
            bufferUpto = stop;
            accum = doc;
        }
        return Doc = NoMoreDocs;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refill()
    {
        DocUptoOf(docs) = docUpto;
        RefillDocs(docs);
        bufferUpto = BufferUptoOf(docs);
    }

    /// <summary>The walk's state back into the enum, as <c>NextDoc</c> leaves it on <see cref="Doc"/>.</summary>
    public readonly void Save()
    {
        if (deltas is null) return;
        BufferUptoOf(docs) = bufferUpto;
        DocUptoOf(docs) = docUpto;
        AccumOf(docs) = accum;
        DocOf(docs) = Doc;
        FreqOf(docs) = Freq;
    }

    private const string BlockDocsEnum = "Lucene.Net.Codecs.Lucene41.Lucene41PostingsReader+BlockDocsEnum, Lucene.Net";

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "docDeltaBuffer")]
    private static extern ref int[] DeltasOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "freqBuffer")]
    private static extern ref int[] FreqsOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "docFreq")]
    private static extern ref int DocFreqOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "docBufferUpto")]
    private static extern ref int BufferUptoOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "docUpto")]
    private static extern ref int DocUptoOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "accum")]
    private static extern ref int AccumOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "doc")]
    private static extern ref int DocOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "freq")]
    private static extern ref int FreqOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "liveDocs")]
    private static extern ref IBits? LiveDocsOf([UnsafeAccessorType(BlockDocsEnum)] object docs);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "RefillDocs")]
    private static extern void RefillDocs([UnsafeAccessorType(BlockDocsEnum)] object docs);
}
