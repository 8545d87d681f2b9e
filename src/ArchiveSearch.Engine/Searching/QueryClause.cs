namespace ArchiveSearch.Engine.Searching;

public enum ClauseOccur { Should, Must, MustNot }

public enum ClauseField { Any, Title, Hashtag, Source }

/// <summary>One piece of a user's query: a word or quoted phrase, maybe scoped to a field, maybe required or excluded.</summary>
public sealed record QueryClause(string Text, bool IsPhrase, ClauseField Field, ClauseOccur Occur)
{
    /// <summary>The word was typed with a trailing <c>*</c>: it matches every word it begins.</summary>
    public bool IsPrefix { get; init; }
}
