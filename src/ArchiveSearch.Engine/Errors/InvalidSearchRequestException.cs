namespace ArchiveSearch.Engine.Errors;

/// <summary>A search parameter is out of range or malformed; <see cref="Parameter"/> names it.</summary>
public sealed class InvalidSearchRequestException(string parameter, string message)
    : SearchEngineException("invalid_parameter", message)
{
    public string Parameter { get; } = parameter;
}
