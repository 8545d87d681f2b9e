using System.Text;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

/// <summary>Parses inline article text the way the archiver writes it: UTF-8, no BOM.</summary>
internal static class ArticleText
{
    public static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

    public static Article Parse(string text, string relativePath = "2025-05-14/001_00000000000000aa.txt") =>
        ArticleParser.Parse(Utf8(text), relativePath);

    /// <summary>Joins lines with LF and ends with one, like the archiver.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
