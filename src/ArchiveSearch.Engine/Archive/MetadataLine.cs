using System.Text.RegularExpressions;

namespace ArchiveSearch.Engine.Archive;

/// <summary>One <c>- **key**: value</c> line of the metadata section, key and value trimmed.</summary>
internal readonly partial record struct MetadataLine(string Key, string Value)
{
    public static bool TryParse(string line, out MetadataLine parsed)
    {
        var match = Pattern().Match(line);
        parsed = match.Success
            ? new MetadataLine(match.Groups["key"].Value.Trim(), match.Groups["value"].Value.Trim())
            : default;
        return match.Success && parsed.Key.Length > 0;
    }

    // Hand-edited files drift: '*' bullets, extra spaces, no space after the colon, the full-width colon,
    // and the colon inside the bold (`**key:**`) all appear in markdown written by people.
    [GeneratedRegex(@"^\s*[-*]\s+\*\*(?<key>[^*]+?)\s*(?:\*\*\s*[:：]|[:：]\s*\*\*)(?<value>.*)$")]
    private static partial Regex Pattern();
}
