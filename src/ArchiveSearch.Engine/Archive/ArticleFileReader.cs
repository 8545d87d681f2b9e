using System.Security.Cryptography;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Reads and parses one article file; a bad file becomes a problem report so a run never stops for it.</summary>
public static class ArticleFileReader
{
    public static ArticleReadResult Read(ArchiveFile file) => Read(file, isUnchanged: null);

    /// <param name="isUnchanged">Given the file's content hash, whether the index already holds exactly this content.</param>
    public static ArticleReadResult Read(ArchiveFile file, Func<string, bool>? isUnchanged)
    {
        try
        {
            var bytes = ReadBytes(file.FullPath);
            if (isUnchanged is not null && isUnchanged(Convert.ToHexStringLower(SHA256.HashData(bytes))))
            {
                return new ArticleReadResult(null, null, Unchanged: true);
            }
            return new ArticleReadResult(ArticleParser.Parse(bytes, file.RelativePath), null);
        }
        catch (ArticleFormatException ex)
        {
            return Problem(file, ex.Reason, ex.Line);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Problem(file, "The file disappeared before it could be read.");
        }
        catch (UnauthorizedAccessException)
        {
            return Problem(file, "The file could not be read: permission denied.");
        }
        catch (IOException ex)
        {
            return Problem(file, $"The file could not be read: {ex.Message}");
        }
    }

    // Checking the length before reading keeps a huge stray file from being loaded just to be rejected.
    // Sharing read/write/delete lets the archiver keep writing while we read; a half-written file is
    // reported or picked up on the next run.
    private static byte[] ReadBytes(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length > ArticleParser.MaxFileBytes)
            throw ArticleDecoder.TooLarge(stream.Length);
        using var buffer = new MemoryStream((int)stream.Length);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static ArticleReadResult Problem(ArchiveFile file, string reason, int? line = null) =>
        new(null, new ArchiveProblem(file.RelativePath, line, reason));
}
