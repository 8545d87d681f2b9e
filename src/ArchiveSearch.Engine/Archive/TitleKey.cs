using ArchiveSearch.Engine.Analysis;

namespace ArchiveSearch.Engine.Archive;

/// <summary>
/// The form in which two titles are the same title: the leading Weibo <c>#话题#</c> run dropped, width, case and
/// Traditional → Simplified folded, and only letters and digits kept (punctuation, spaces and a trailing "..." go).
/// </summary>
internal static class TitleKey
{
    public static string Of(string title)
    {
        var text = TextNormalizer.FoldWidth(title).AsSpan().Trim();
        // #A##B#text: each leading tag closes on the same line within a hashtag's length.
        while (text.Length > 0 && text[0] == '#')
        {
            var close = text[1..].IndexOf('#');
            if (close < 1 || close > 64 || text[1..(close + 1)].Contains('\n')) break;
            text = text[(close + 2)..].TrimStart();
        }
        var table = TraditionalToSimplified.Table;
        var key = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(table[c]));
        }
        return key.ToString();
    }
}
