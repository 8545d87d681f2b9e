namespace ArchiveSearch.Engine.Suggesting;

/// <summary>One completion.</summary>
/// <param name="Text">The hashtag (as most articles spell it), the word (as indexed: lower case, Simplified), or the title.</param>
/// <param name="Count">Articles with that hashtag, with that word in their title, or with that title.</param>
/// <param name="Query">
/// The query once the suggestion is chosen: the typed text with its last word completed (a word), the title (a title),
/// or the typed text without the hashtag being typed (a hashtag, which becomes a filter instead).
/// </param>
public sealed record Suggestion(SuggestionKind Kind, string Text, int Count, string Query);
