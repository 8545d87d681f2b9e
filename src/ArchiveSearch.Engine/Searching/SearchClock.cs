using System.Diagnostics;
using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// The clock search budgets are measured on, in milliseconds since it started, ticked by a thread of its own and read
/// with a plain load. Lucene's global counter is read with an interlocked operation, once per collected document: with
/// searches on both cores, that one cache line goes back and forth between them at every document.
/// </summary>
internal sealed class SearchClock : Counter
{
    /// <summary>Ticked every 10 ms: budgets are seconds long, and an idle service wakes no more often than that.</summary>
    public static readonly SearchClock Shared = new(TimeSpan.FromMilliseconds(10));

    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private long now;

    private SearchClock(TimeSpan resolution)
    {
        // A thread of its own, not a pool timer: a loaded pool would run the tick late and let searches overrun.
        var ticker = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(resolution);
                Volatile.Write(ref now, elapsed.ElapsedMilliseconds);
            }
        })
        { IsBackground = true, Name = "search clock", Priority = ThreadPriority.AboveNormal };
        ticker.Start();
    }

    public override long Value => Volatile.Read(ref now);

    /// <summary>Only the ticker moves this clock.</summary>
    public override long AddAndGet(long delta) => throw new NotSupportedException("The search clock only moves with time.");
}
