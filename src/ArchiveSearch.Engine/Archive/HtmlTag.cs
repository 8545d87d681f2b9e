namespace ArchiveSearch.Engine.Archive;

/// <summary>One markup tag found by <see cref="HtmlToText"/>: its lower-cased name and where the text resumes.</summary>
internal readonly record struct HtmlTag(string Name, bool IsClosing, int End)
{
    /// <summary>Reads the tag starting at the '&lt;' at <paramref name="start"/>; a tag never closed runs to the end.</summary>
    public static HtmlTag Read(string html, int start)
    {
        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var commentEnd = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return new HtmlTag("!--", false, commentEnd < 0 ? html.Length : commentEnd + 3);
        }

        var i = start + 1;
        var isClosing = i < html.Length && html[i] == '/';
        if (isClosing) i++;
        var nameStart = i;
        while (i < html.Length && char.IsAsciiLetterOrDigit(html[i])) i++;
        var name = html[nameStart..i].ToLowerInvariant();
        return new HtmlTag(name, isClosing, FindEnd(html, i));
    }

    // A '>' inside a quoted attribute value (href="a>b") does not end the tag; a quote not right after '='
    // is just a character. If the quotes never balance, the first '>' is the best guess, so one stray
    // quote cannot swallow the rest of the text.
    private static int FindEnd(string html, int from)
    {
        char? quote = null;
        var previous = ' ';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } open)
            {
                if (c == open) quote = null;
            }
            else if (c is '"' or '\'' && previous == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
            if (!char.IsWhiteSpace(c)) previous = c;
        }
        var plain = html.IndexOf('>', from);
        return plain < 0 ? html.Length : plain + 1;
    }
}
