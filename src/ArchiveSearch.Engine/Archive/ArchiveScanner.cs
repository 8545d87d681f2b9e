using System.IO.Enumeration;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Finds the article files under an archive root.</summary>
public static class ArchiveScanner
{
    /// <summary>
    /// Every <c>.txt</c> and <c>.md</c> file under <paramref name="root"/>, recursively, ordered by relative path
    /// (ordinal) so runs are deterministic. Files and folders whose name starts with '.' are skipped.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    public static IReadOnlyList<ArchiveFile> Scan(string root)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
            throw new DirectoryNotFoundException($"Archive folder not found: {fullRoot}");

        // Hidden means a leading '.', the same on every OS, so the attribute filter is off.
        // Linked folders are not entered: a link back up the tree would never end.
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.None,
        };
        var files = new FileSystemEnumerable<ArchiveFile>(fullRoot, ToArchiveFile, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory && !IsHidden(entry.FileName) && IsArticleName(entry.FileName),
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                !IsHidden(entry.FileName) && (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return [.. files.OrderBy(file => file.RelativePath, StringComparer.Ordinal)];

        ArchiveFile ToArchiveFile(ref FileSystemEntry entry)
        {
            var fullPath = entry.ToFullPath();
            var relative = Path.GetRelativePath(fullRoot, fullPath);
            if (Path.DirectorySeparatorChar != '/') relative = relative.Replace(Path.DirectorySeparatorChar, '/');
            return new ArchiveFile(fullPath, relative, entry.Length, entry.LastWriteTimeUtc.UtcDateTime);
        }
    }

    private static bool IsHidden(ReadOnlySpan<char> name) => name.StartsWith('.');

    private static bool IsArticleName(ReadOnlySpan<char> name) =>
        name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
