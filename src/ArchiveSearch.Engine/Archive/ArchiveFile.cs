namespace ArchiveSearch.Engine.Archive;

/// <summary>An article file found under the archive root.</summary>
/// <param name="RelativePath">Path relative to the archive root, with '/' separators on every OS.</param>
public sealed record ArchiveFile(string FullPath, string RelativePath, long Length, DateTime LastWriteUtc);
