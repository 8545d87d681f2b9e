using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Reads one archived article: title, URL, then the <c>## </c> sections.</summary>
public static partial class ArticleParser
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Parses one file's bytes.</summary>
    /// <exception cref="ArticleFormatException">Empty, too large, not UTF-8, no title line, or a bad date.</exception>
    public static Article Parse(byte[] content, string relativePath)
    {
        var lines = ArticleDecoder.DecodeLines(content);
        var titleIndex = Array.FindIndex(lines, line => !string.IsNullOrWhiteSpace(line));
        var title = ReadTitle(lines[titleIndex], titleIndex + 1);

        string? url = null;
        var bodies = new Dictionary<ArticleSection, Range>();
        var current = (Section: (ArticleSection?)null, Start: 0);
        for (var i = titleIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(ArticleSectionHeadings.Prefix, StringComparison.Ordinal))
            {
                Close(bodies, current, i);
                current = (ArticleSectionHeadings.Classify(lines[i]), i + 1);
            }
            else if (current.Section is null && url is null && UrlLine().Match(lines[i]) is { Success: true } match)
            {
                url = match.Groups["url"].Value.Trim() is { Length: > 0 } found ? found : null;
            }
        }
        Close(bodies, current, lines.Length);

        var originalHtml = Body(lines, bodies, ArticleSection.OriginalSummary);
        var originalText = HtmlToText.Convert(originalHtml);
        var aiSummary = Body(lines, bodies, ArticleSection.AiSummary);
        var metadata = ReadMetadata(lines, bodies);

        return new Article
        {
            Id = ArticleId.For(relativePath),
            RelativePath = relativePath,
            Title = title,
            Url = url,
            OriginalHtml = originalHtml,
            OriginalText = originalText,
            AiSummary = aiSummary,
            Source = metadata.Source,
            Type = metadata.Type,
            SavedAt = metadata.SavedAt,
            DirectoryDate = metadata.DirectoryDate,
            Metadata = metadata.Entries,
            Hashtags = HashtagExtractor.Extract(title, originalText, aiSummary),
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
    }

    // "#" alone or "## …" first would be a heading of some other document, not an archived article.
    private static string ReadTitle(string line, int lineNumber)
    {
        var title = line.StartsWith("# ", StringComparison.Ordinal) ? line[2..].Trim() : "";
        if (title.Length == 0)
            throw new ArticleFormatException("No title line: the first non-blank line must be '# ' followed by the title.", lineNumber);
        return title;
    }

    // A repeated section keeps its first occurrence, like a repeated metadata key.
    private static void Close(Dictionary<ArticleSection, Range> bodies, (ArticleSection? Section, int Start) open, int end)
    {
        if (open.Section is { } section and not ArticleSection.Unknown)
            bodies.TryAdd(section, open.Start..end);
    }

    private static string Body(string[] lines, Dictionary<ArticleSection, Range> bodies, ArticleSection section) =>
        bodies.TryGetValue(section, out var range) ? string.Join('\n', lines[range]).Trim() : "";

    private static ArticleMetadata ReadMetadata(string[] lines, Dictionary<ArticleSection, Range> bodies)
    {
        var metadata = new ArticleMetadata();
        if (!bodies.TryGetValue(ArticleSection.Metadata, out var range)) return metadata;

        var (offset, length) = range.GetOffsetAndLength(lines.Length);
        for (var i = offset; i < offset + length; i++)
        {
            if (MetadataLine.TryParse(lines[i], out var entry)) metadata.Add(entry, i + 1);
        }
        return metadata;
    }

    [GeneratedRegex(@"^\s*\*\*URL\*\*\s*[:：](?<url>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlLine();
}
