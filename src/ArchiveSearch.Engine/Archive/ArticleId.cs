using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Article ids: taken from <c>NNN_&lt;16 hex&gt;.txt</c> file names, else hashed from the path.</summary>
public static partial class ArticleId
{
    /// <summary>First 16 hex chars of SHA-256 of the relative path as given: the same path always gets the same id.</summary>
    public static string FromPath(string relativePath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relativePath)))[..16];

    internal static string For(string relativePath)
    {
        var fileName = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        var match = ArchiverFileName().Match(fileName);
        return match.Success ? match.Groups["id"].Value : FromPath(relativePath);
    }

    // The archiver writes lowercase hex; an uppercase one was renamed by hand, so it falls back to the path hash.
    [GeneratedRegex(@"^[0-9]+_(?<id>[0-9a-f]{16})\.(?i:txt|md)$")]
    private static partial Regex ArchiverFileName();
}
