using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// Scores a query over the two halves of a reader's documents at once, each half into its own collector: a long query
/// alone on the machine answers in about half the time, with the same scores (each document's score depends on its
/// own postings only), and the caller adds the second collector's hits and counts to the first's.
/// </summary>
internal static class SplitSearch
{
    private static long runs;
    private static long secondHalvesHere;

    /// <summary>How many searches were split since start; tests check that a split happened.</summary>
    public static long Runs => Interlocked.Read(ref runs);

    /// <summary>How many second halves the calling thread scored itself, the other thread not having started by then.</summary>
    public static long SecondHalvesOnCaller => Interlocked.Read(ref secondHalvesHere);

    /// <summary>
    /// Collects documents below the reader's middle into <paramref name="first"/> on this thread and the rest into
    /// <paramref name="second"/> on another; returns once both are done. When either stops at its time budget the
    /// other finishes, then the budget's exception is thrown; any other failure is thrown first.
    /// </summary>
    /// <remarks>
    /// Whichever thread comes to the second half first takes it. A pool thread that wakes late (a virtual core the host
    /// gave away for a few milliseconds) then finds it taken and does nothing, and the search takes as long as an
    /// unsplit one instead of the late start plus a half.
    /// </remarks>
    /// <param name="scheduler">Where the second half is offered; tests hold it back.</param>
    public static void Run(IndexSearcher searcher, Query query, ICollector first, ICollector second, TaskScheduler? scheduler = null)
    {
        Interlocked.Increment(ref runs);
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var middle = searcher.IndexReader.MaxDoc / 2;
        var taken = 0;
        // Scores the second half unless the other thread already took it; true when this call did.
        bool TakeSecondHalf()
        {
            if (Interlocked.Exchange(ref taken, 1) != 0) return false;
            Collect(weight, leaves, second, middle, int.MaxValue);
            return true;
        }

        var secondHalf = Task.Factory.StartNew(() => TakeSecondHalf(), CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler ?? TaskScheduler.Default);
        Exception? failure = null;
        try
        {
            Collect(weight, leaves, first, 0, middle);
        }
        catch (Exception e)
        {
            failure = e;
        }
        try
        {
            if (TakeSecondHalf()) Interlocked.Increment(ref secondHalvesHere);
            else secondHalf.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // A failure outranks a half stopped at its budget.
            if (failure is null or SearchBudgetExceededException) failure = e;
        }
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>What <see cref="IndexSearcher.Search(Query, ICollector)"/> does, for the documents from <paramref name="from"/> up to <paramref name="to"/>.</summary>
    private static void Collect(Weight weight, IList<AtomicReaderContext> leaves, ICollector collector, int from, int to)
    {
        foreach (var leaf in leaves)
        {
            var start = Math.Max(from - leaf.DocBase, 0);
            var end = (int)Math.Min((long)to - leaf.DocBase, leaf.AtomicReader.MaxDoc);
            if (start >= end) continue;
            collector.SetNextReader(leaf);
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null) continue;
            collector.SetScorer(scorer);
            var doc = start == 0 ? scorer.NextDoc() : scorer.Advance(start);
            if (scorer is WordSumScorer sum && collector is IWindowCollector { TakesWindows: true } windows)
            {
                sum.CollectUpTo(windows, end);
                continue;
            }
            for (; doc < end; doc = scorer.NextDoc()) collector.Collect(doc);
        }
    }
}
