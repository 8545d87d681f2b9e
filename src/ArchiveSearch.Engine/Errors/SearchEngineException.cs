namespace ArchiveSearch.Engine.Errors;

/// <summary>Base of the engine's own errors; <see cref="Code"/> is stable and mapped to an HTTP status by the API.</summary>
public abstract class SearchEngineException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
