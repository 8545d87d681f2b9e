namespace ArchiveSearch.Engine.Archive;

/// <summary>Exactly one of <see cref="Article"/> and <see cref="Problem"/> is set.</summary>
public sealed record ArticleReadResult(Article? Article, ArchiveProblem? Problem);
