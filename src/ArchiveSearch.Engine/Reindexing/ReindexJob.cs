using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Reindexing;

/// <summary>
/// Incremental and full are asked for; <see cref="FirstBuild"/> is the service's own, at start, for an index that
/// is empty or whose first build was interrupted: it commits in batches, so searches answer while it runs.
/// </summary>
public enum ReindexMode { Incremental, Full, FirstBuild }

public enum ReindexState { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>One reindex run, as the coordinator tracks it. State changes are published atomically.</summary>
public sealed class ReindexJob
{
    private readonly CancellationTokenSource cancellation = new();
    private volatile ReindexState state = ReindexState.Queued;

    internal ReindexJob(string id, ReindexMode mode)
    {
        Id = id;
        Mode = mode;
    }

    public string Id { get; }
    public ReindexMode Mode { get; }
    public ReindexState State => state;
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public ReindexProgress Progress { get; } = new();
    /// <summary>Why the job failed, in a sentence.</summary>
    public string? Error { get; private set; }

    public bool IsFinished => state is ReindexState.Succeeded or ReindexState.Failed or ReindexState.Cancelled;

    internal CancellationToken Token => cancellation.Token;

    internal void Cancel() => cancellation.Cancel();

    internal void MarkRunning()
    {
        StartedAt = DateTimeOffset.UtcNow;
        state = ReindexState.Running;
    }

    internal void Finish(ReindexState final, string? error = null)
    {
        Error = error;
        EndedAt = DateTimeOffset.UtcNow;
        // The token source is not disposed: a cancel arriving as the job finishes must stay harmless, and a
        // source without timers holds nothing that needs releasing.
        state = final;
    }
}
