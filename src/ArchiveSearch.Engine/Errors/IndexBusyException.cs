namespace ArchiveSearch.Engine.Errors;

/// <summary>Another process holds the index's write lock (a running service, or another indexing command).</summary>
public sealed class IndexBusyException(string message, Exception inner) : SearchEngineException("index_busy", message)
{
    public Exception Cause { get; } = inner;
}
