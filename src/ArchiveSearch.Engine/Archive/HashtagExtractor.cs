using System.Globalization;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Finds Weibo-style <c>#话题#</c> and Twitter-style <c>#word</c> hashtags in plain text.</summary>
public static class HashtagExtractor
{
    private const int MaxWeiboTagLength = 64;

    /// <summary>Hashtags of all <paramref name="texts"/> in order, deduplicated by <see cref="Hashtag.Key"/>; the first spelling is kept.</summary>
    public static IReadOnlyList<Hashtag> Extract(params string[] texts)
    {
        var found = new List<Hashtag>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var line in text.Split('\n'))
            {
                foreach (var raw in InLine(line.TrimEnd('\r')))
                {
                    if (Hashtag.Create(raw) is { } tag && seen.Add(tag.Key)) found.Add(tag);
                }
            }
        }
        return found;
    }

    private static IEnumerable<string> InLine(string line)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] != '#')
            {
                i++;
            }
            else if (WeiboTagAt(line, i) is { } weibo)
            {
                yield return weibo.Text;
                i = weibo.End;
            }
            else if (TwitterTagAt(line, i) is { } twitter)
            {
                yield return twitter.Text;
                i = twitter.End;
            }
            else
            {
                i++;
            }
        }
    }

    // "#A##B#" pairs the first '#' with the next one. Content starting with a space means the '#' was not
    // an opener ("C# and F#"); content ending in a space right before a word means the closing '#' really
    // opens a Twitter tag ("#rust and #go"). Either way the caller falls back to the Twitter form.
    private static (string Text, int End)? WeiboTagAt(string line, int open)
    {
        var close = line.IndexOf('#', open + 1);
        if (close < 0) return null;

        var content = line[(open + 1)..close];
        if (content.Length == 0 || content.EnumerateRunes().Count() > MaxWeiboTagLength) return null;
        if (char.IsWhiteSpace(content[0])) return null;
        if (char.IsWhiteSpace(content[^1]) && close + 1 < line.Length && IsWordChar(line, close + 1)) return null;
        return (content, close + 1);
    }

    private static (string Text, int End)? TwitterTagAt(string line, int hash)
    {
        if (hash > 0 && !char.IsWhiteSpace(line[hash - 1])) return null;

        var end = hash + 1;
        while (end < line.Length && IsWordChar(line, end)) end++;
        if (end < line.Length && line[end] == '#') return null;

        var word = line[(hash + 1)..end];
        return word.Any(c => !char.IsAsciiDigit(c)) ? (word, end) : null;
    }

    // Letters cover CJK ideographs and kana; marks keep scripts with combining vowels (Hindi, Thai) whole;
    // the string overloads see a surrogate pair as one character (CJK Extension B).
    private static bool IsWordChar(string line, int at)
    {
        if (char.IsLowSurrogate(line[at]) && at > 0 && char.IsHighSurrogate(line[at - 1])) at--;
        if (line[at] == '_' || char.IsLetterOrDigit(line, at)) return true;
        return CharUnicodeInfo.GetUnicodeCategory(line, at) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
