namespace ArchiveSearch.Engine.Errors;

/// <summary>The index is not open yet (first build still running, or it could not be opened).</summary>
public sealed class IndexNotReadyException(string message) : SearchEngineException("index_not_ready", message);
