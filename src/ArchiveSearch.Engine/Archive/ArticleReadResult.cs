namespace ArchiveSearch.Engine.Archive;

/// <summary>
/// Exactly one of <see cref="Article"/> and <see cref="Problem"/> is set, unless <see cref="Unchanged"/>:
/// the file's content hash matched the indexed version, so it was not parsed at all.
/// </summary>
public sealed record ArticleReadResult(Article? Article, ArchiveProblem? Problem, bool Unchanged = false);
