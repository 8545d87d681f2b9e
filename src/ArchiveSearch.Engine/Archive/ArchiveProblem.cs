namespace ArchiveSearch.Engine.Archive;

/// <summary>Why one file was skipped: reported to the user, never thrown.</summary>
/// <param name="Line">1-based line number, when one line is to blame.</param>
/// <param name="Reason">A sentence a person can act on.</param>
public sealed record ArchiveProblem(string RelativePath, int? Line, string Reason);
