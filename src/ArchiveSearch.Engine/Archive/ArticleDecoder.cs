using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Turns a file's bytes into lines, rejecting what cannot be an article before any parsing.</summary>
internal static class ArticleDecoder
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Lines without their CR/LF terminators; index i is line i + 1 of the file.</summary>
    public static string[] DecodeLines(byte[] content)
    {
        if (content.Length == 0)
            throw new ArticleFormatException("The file is empty.");
        if (content.Length > ArticleParser.MaxFileBytes)
            throw TooLarge(content.Length);

        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith(Utf8Bom)) bytes = bytes[Utf8Bom.Length..];

        var text = DecodeStrict(bytes);
        if (string.IsNullOrWhiteSpace(text))
            throw new ArticleFormatException("The file contains only white space.");

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith('\r')) lines[i] = lines[i][..^1];
        }
        return lines;
    }

    public static ArticleFormatException TooLarge(long length) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The file is {length:N0} bytes, over the {ArticleParser.MaxFileBytes:N0}-byte limit for an article."));

    // Utf8.ToUtf16 stops at the first bad sequence and says where, which lets the report name the line;
    // Encoding's throwing decoder does not give a usable position.
    private static string DecodeStrict(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var line = bytes[..bytesRead].Count((byte)'\n') + 1;
                throw new ArticleFormatException(
                    $"The file is not valid UTF-8 (bad byte 0x{bytes[Math.Min(bytesRead, bytes.Length - 1)]:X2}); re-save it as UTF-8.", line);
            }
            return new string(chars, 0, charsWritten);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
