namespace ArchiveSearch.Engine.Suggesting;

/// <summary>Hashtags first, then words, then titles; each kind most articles first.</summary>
public sealed record SuggestResponse(IReadOnlyList<Suggestion> Suggestions, double TookMs);
