using Lucene.Net.Util;

namespace ArchiveSearch.Engine.Searching;

/// <summary>
/// A search's time budget on the search clock, checked by the collectors every <see cref="CheckEvery"/> documents: a
/// budget is seconds long, so a check per document (Lucene's <c>TimeLimitingCollector</c>, a clock read and a call
/// through its wrapper at every match) only costs.
/// </summary>
internal sealed class SearchBudget(Counter clock, long milliseconds)
{
    /// <summary>Documents collected between two looks at the clock; at most tens of microseconds of collecting.</summary>
    public const int CheckEvery = 64;

    private readonly long deadline = clock.Value + milliseconds;

    /// <summary>Null when there is no budget.</summary>
    public static SearchBudget? Of(Counter clock, TimeSpan? budget) =>
        budget is { } limit ? new SearchBudget(clock, (long)Math.Max(1, limit.TotalMilliseconds)) : null;

    /// <exception cref="SearchBudgetExceededException">The clock is past the deadline.</exception>
    public void Check()
    {
        if (clock.Value > deadline) throw new SearchBudgetExceededException();
    }
}

/// <summary>A search stopped at its time budget: what was collected until then is its answer, marked partial.</summary>
internal sealed class SearchBudgetExceededException() : Exception("The search reached its time budget.");
