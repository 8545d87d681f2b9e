using System.Text;

namespace ArchiveSearch.Engine.Highlighting;

/// <summary>
/// Cuts the passage of about <see cref="TargetLength"/> characters holding the most matches and
/// renders it as HTML: matches in <c>&lt;mark&gt;</c>, everything else escaped. A passage starts at a
/// sentence boundary when one is near, never inside a surrogate pair or a match.
/// </summary>
public static class SnippetBuilder
{
    public const int TargetLength = 200;
    private const int LeadIn = 40;
    private const string Ellipsis = "…";

    /// <summary>The number of matches in the best window, and its start.</summary>
    public static (int Matches, int Start) BestWindow(IReadOnlyList<MatchSpan> spans, int length = TargetLength)
    {
        var best = (Matches: 0, Start: 0);
        var right = 0;
        for (var left = 0; left < spans.Count; left++)
        {
            if (right < left) right = left;
            while (right < spans.Count && spans[right].End - spans[left].Start <= length) right++;
            var count = right - left;
            if (count > best.Matches) best = (count, spans[left].Start);
        }
        return best;
    }

    /// <summary>The whole text with every match marked (titles).</summary>
    public static string MarkAll(string text, IReadOnlyList<MatchSpan> spans) => Render(text, 0, text.Length, spans, false, false);

    /// <summary>A passage of about <see cref="TargetLength"/> characters around the densest matches, or the text's start when nothing matched.</summary>
    public static string Snippet(string text, IReadOnlyList<MatchSpan> spans)
    {
        if (text.Length <= TargetLength) return Render(text, 0, text.Length, spans, false, false);
        var (matches, windowStart) = BestWindow(spans);
        var start = matches == 0 ? 0 : PassageStart(text, windowStart);
        // Matches near the end of the text: take the text's last full-length passage rather than a stub.
        if (text.Length - start < TargetLength) start = AlignedStart(text, text.Length - TargetLength, start);
        var end = Math.Min(text.Length, start + TargetLength);
        // Never end inside a match or a surrogate pair.
        foreach (var span in spans)
        {
            if (span.Start < end && span.End > end) end = span.Start > start ? span.Start : span.End;
        }
        if (end < text.Length && end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        // Nor end inside one, unless the word is absurdly long.
        var wordEnd = end;
        while (wordEnd < text.Length && wordEnd > start && IsLatinWordChar(text[wordEnd - 1]) && IsLatinWordChar(text[wordEnd])) wordEnd--;
        if (end - wordEnd < LeadIn && wordEnd > start) end = wordEnd;
        return Render(text, start, end, spans, start > 0, end < text.Length);
    }

    private static int PassageStart(string text, int firstMatch)
    {
        var earliest = Math.Max(0, firstMatch - LeadIn);
        for (var i = firstMatch - 1; i >= earliest; i--)
        {
            if (IsSentenceEnd(text[i])) return SkipSpace(text, i + 1, firstMatch);
        }
        var start = Math.Max(0, firstMatch - LeadIn / 2);
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        // Do not start inside a Latin word: move to the next word's start.
        while (start < firstMatch && start > 0 && IsLatinWordChar(text[start - 1]) && IsLatinWordChar(text[start])) start++;
        return SkipSpace(text, start, firstMatch);
    }

    /// <summary>The first sentence start in [earliest, limit], else earliest itself (moved off a low surrogate).</summary>
    private static int AlignedStart(string text, int earliest, int limit)
    {
        for (var i = earliest; i < limit; i++)
        {
            if (i > 0 && IsSentenceEnd(text[i - 1])) return SkipSpace(text, i, limit);
        }
        return char.IsLowSurrogate(text[earliest]) ? earliest + 1 : earliest;
    }

    private static int SkipSpace(string text, int i, int limit)
    {
        while (i < limit && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static bool IsLatinWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '\'';

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or '!' or '?' or ';' or '\n' or '.';

    private static string Render(string text, int start, int end, IReadOnlyList<MatchSpan> spans, bool leadingEllipsis, bool trailingEllipsis)
    {
        var sb = new StringBuilder(end - start + 64);
        if (leadingEllipsis) sb.Append(Ellipsis);
        var at = start;
        foreach (var span in spans)
        {
            if (span.End <= start || span.Start < at) continue;
            if (span.Start >= end) break;
            HtmlText.AppendEscaped(sb, text, at, span.Start);
            sb.Append("<mark>");
            HtmlText.AppendEscaped(sb, text, span.Start, Math.Min(span.End, end));
            sb.Append("</mark>");
            at = Math.Min(span.End, end);
        }
        HtmlText.AppendEscaped(sb, text, at, end);
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        if (trailingEllipsis) sb.Append(Ellipsis);
        return sb.ToString().Trim();
    }
}
