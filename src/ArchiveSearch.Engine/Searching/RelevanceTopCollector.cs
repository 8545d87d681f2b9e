using ArchiveSearch.Engine.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Single = J2N.Numerics.Single;
using Int64 = J2N.Numerics.Int64;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// The top hits of a relevance search in the order of Lucene's <see cref="TopFieldCollector"/> over (score, newest,
/// document): higher score first, then the newer article, then the lower document; <paramref name="after"/> (a cursor's
/// last hit) pages on. A long query collects tens of thousands of matches, nearly all below the page's last hit, so
/// the common case is one float comparison, where Lucene's collector calls a comparer per sort key.
/// </summary>
internal sealed class RelevanceTopCollector(int size, FieldDoc? after) : ICollector
{
    private struct Hit
    {
        public float Score;
        public long Time;
        public int Doc;
    }

    // A heap with the worst hit at the root, so a match is compared with the page's last one first.
    private readonly Hit[] heap = new Hit[Math.Max(size, 1)];
    private int count;
    private Scorer scorer = null!;
    private long[] times = [];
    private int docBase;

    // The cursor's last hit: a later page holds only hits that sort after it, as the heap's worse ones do.
    private readonly bool paging = after is not null;
    private readonly Hit afterHit = after is null ? default : new Hit
    {
        Score = ((Single)after.Fields[0]).ToSingle(),
        Time = ((Int64)after.Fields[1]).ToInt64(),
        Doc = after.Doc,
    };

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        docBase = context.DocBase;
        times = SegmentColumns.Numeric(context.AtomicReader, IndexSchema.SortTime);
    }

    public void Collect(int doc) => Collect(doc, scorer.GetScore());

    /// <summary>A match whose score the caller read (from a <see cref="WordSumScorer"/>'s window).</summary>
    public void Collect(int doc, float score)
    {
        if (count == heap.Length)
        {
            ref var worst = ref heap[0];
            if (score < worst.Score) return;
            if (score == worst.Score && times[doc] <= worst.Time) return;   // a later document loses a tie
        }
        var hit = new Hit { Score = score, Time = times[doc], Doc = docBase + doc };
        if (paging && !Worse(hit, afterHit)) return;
        Offer(hit);
    }

    /// <summary>Adds the hits of a collector that ran over other documents of the same reader (the other part of a split search).</summary>
    public void Add(RelevanceTopCollector other)
    {
        for (var i = 0; i < other.count; i++)
        {
            if (count < heap.Length || Worse(heap[0], other.heap[i])) Offer(other.heap[i]);
        }
    }

    private void Offer(in Hit hit)
    {
        if (count < heap.Length)
        {
            heap[count] = hit;
            SiftUp(count++);
        }
        else
        {
            heap[0] = hit;
            SiftDown(0);
        }
    }

    private static bool Worse(in Hit a, in Hit b) =>
        a.Score < b.Score || (a.Score == b.Score && (a.Time < b.Time || (a.Time == b.Time && a.Doc > b.Doc)));

    private void SiftUp(int i)
    {
        var hit = heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Worse(hit, heap[parent])) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = hit;
    }

    private void SiftDown(int i)
    {
        var hit = heap[i];
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count) break;
            if (child + 1 < count && Worse(heap[child + 1], heap[child])) child++;
            if (!Worse(heap[child], hit)) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = hit;
    }

    /// <summary>The hits from <paramref name="start"/> on, best first, as Lucene's collector gives them (score, sort values).</summary>
    public ScoreDoc[] Page(int start, int howMany)
    {
        var sorted = heap.AsSpan(0, count).ToArray();
        Array.Sort(sorted, (a, b) => Worse(a, b) ? 1 : Worse(b, a) ? -1 : 0);
        return sorted.Skip(start).Take(howMany)
            .Select(hit => (ScoreDoc)new FieldDoc(hit.Doc, hit.Score, [Single.GetInstance(hit.Score), Int64.GetInstance(hit.Time)]))
            .ToArray();
    }
}
