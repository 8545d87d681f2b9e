namespace ArchiveSearch.Engine.Searching;

public enum ClauseOccur { Should, Must, MustNot }

public enum ClauseField { Any, Title, Hashtag, Source }

/// <summary>One piece of a user's query: a word or quoted phrase, maybe scoped to a field, maybe required or excluded.</summary>
public sealed record QueryClause(string Text, bool IsPhrase, ClauseField Field, ClauseOccur Occur);
