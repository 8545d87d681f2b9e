using ArchiveSearch.Engine.Errors;

namespace ArchiveSearch.Engine.Reindexing;

/// <summary>A reindex was asked for while another one runs; <see cref="RunningJobId"/> names it.</summary>
public sealed class ReindexAlreadyRunningException(string runningJobId)
    : SearchEngineException("reindex_running", $"Reindex job {runningJobId} is still running; wait for it or cancel it.")
{
    public string RunningJobId { get; } = runningJobId;
}
