namespace ArchiveSearch.Engine.Highlighting;

/// <summary>Characters [Start, End) of a stored text that matched a query term.</summary>
public readonly record struct MatchSpan(int Start, int End);
