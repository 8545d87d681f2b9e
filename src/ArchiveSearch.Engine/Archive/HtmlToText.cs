using System.Net;
using System.Text;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Plain text of an HTML fragment: what a reader sees, not what the markup says.</summary>
public static class HtmlToText
{
    private static readonly HashSet<string> LineBreakTags = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
    };

    /// <summary>
    /// Drops tags (so link targets and images vanish, anchor text stays), turns block tags into line breaks,
    /// drops script and style bodies, decodes entities, trims lines and keeps at most one blank line in a row.
    /// Never throws: a '&lt;' that opens no tag is text, and a tag cut off at the end is dropped.
    /// </summary>
    public static string Convert(string html)
    {
        var output = new StringBuilder(html.Length);
        var textStart = 0;
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] != '<' || !OpensTag(html, i))
            {
                i++;
                continue;
            }
            AppendDecoded(output, html, textStart, i);
            var tag = HtmlTag.Read(html, i);
            if (tag.Name == "br" || (LineBreakTags.Contains(tag.Name) && !EndsWithLineBreak(output))) output.Append('\n');
            i = tag is { IsClosing: false, Name: "script" or "style" } ? SkipRawText(html, tag.End, tag.Name) : tag.End;
            textStart = i;
        }
        AppendDecoded(output, html, textStart, html.Length);
        return TidyLines(output.ToString());
    }

    // Only <br> stacks ("<br><br>" is a blank line, as Weibo writes paragraphs); block tags just make sure
    // a new line starts, so "</p><p>" or "</li><li>" is one break, not two.
    private static bool EndsWithLineBreak(StringBuilder output)
    {
        var i = output.Length - 1;
        while (i >= 0 && output[i] is ' ' or '\t' or '\r') i--;
        return i < 0 || output[i] == '\n';
    }

    // "a < b" and "<3" are text; only '<' followed by a letter, '/', '!' or '?' starts markup.
    private static bool OpensTag(string html, int at) =>
        at + 1 < html.Length && (char.IsAsciiLetter(html[at + 1]) || html[at + 1] is '/' or '!' or '?');

    // Decoding after the tags are gone keeps "&lt;b&gt;" as the text "<b>" rather than a tag.
    // Newlines in the source are kept, since some summaries are plain text, except right after a tag's
    // break, where they are only the HTML's own formatting ("</p>\n<p>").
    private static void AppendDecoded(StringBuilder output, string html, int start, int end)
    {
        if (end <= start) return;
        var text = WebUtility.HtmlDecode(html[start..end]).Replace('\u00A0', ' ');
        output.Append(EndsWithLineBreak(output) ? text.TrimStart() : text);
    }

    private static int SkipRawText(string html, int from, string tagName)
    {
        var close = html.IndexOf("</" + tagName, from, StringComparison.OrdinalIgnoreCase);
        if (close < 0) return html.Length;
        return HtmlTag.Read(html, close).End;
    }

    private static string TidyLines(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingBlank = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                pendingBlank = result.Length > 0;
                continue;
            }
            if (result.Length > 0) result.Append(pendingBlank ? "\n\n" : "\n");
            result.Append(line);
            pendingBlank = false;
        }
        return result.ToString();
    }
}
