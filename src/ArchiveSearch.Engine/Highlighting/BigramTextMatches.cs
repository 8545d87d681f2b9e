using System.Buffers;
using System.Text;
using ArchiveSearch.Engine.Analysis;

namespace ArchiveSearch.Engine.Highlighting;

/// <summary>
/// Where the bigram reading's query terms occur in a stored text, found in the text itself rather than in offsets
/// indexed with the bigram fields' postings (which were a sixth of the index). That reading cuts a run of CJK
/// characters, after Traditional → Simplified folding, into its overlapping pairs, and a lone CJK character into itself:
/// so a pair term occurs wherever its two characters stand side by side in the folded text, and a one-character term
/// wherever the character stands with no CJK neighbour. Its Latin terms (exact forms) are the words the SmartCn
/// reading marks already, so they are not looked for here.
/// </summary>
internal sealed class BigramTextMatches
{
    private readonly HashSet<(Rune, Rune)> pairs = [];
    private readonly HashSet<Rune> singles = [];

    /// <summary>A bit per basic-plane character that begins a pair term or is a single one: every other character is passed over.</summary>
    private readonly ulong[] starts = new ulong[(char.MaxValue + 1) / 64];

    public BigramTextMatches(IEnumerable<string> terms)
    {
        foreach (var term in terms)
        {
            var runes = term.EnumerateRunes().ToArray();
            if (!runes.All(IsCjk)) continue;
            if (runes.Length == 2) pairs.Add((runes[0], runes[1]));
            else if (runes.Length == 1) singles.Add(runes[0]);
            else continue;
            if (runes[0].IsBmp) starts[runes[0].Value >> 6] |= 1UL << (runes[0].Value & 63);
        }
    }

    public bool IsEmpty => pairs.Count == 0 && singles.Count == 0;

    public void AddMatches(string text, List<MatchSpan> spans)
    {
        if (IsEmpty) return;
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) AddBasicPlaneMatches(text, spans);
        else AddMatchesByCodePoint(text, spans);
    }

    /// <summary>
    /// A text of basic-plane characters only (nearly every one) is read a character at a time, its neighbours looked at
    /// only where a term may begin: the same spans as <see cref="AddMatchesByCodePoint"/>, in the same order.
    /// </summary>
    private void AddBasicPlaneMatches(string text, List<MatchSpan> spans)
    {
        var fold = TraditionalToSimplified.Table;
        for (var i = 0; i < text.Length; i++)
        {
            var c = fold[text[i]];
            if ((starts[c >> 6] & (1UL << (c & 63))) == 0) continue;
            var first = new Rune(c);
            var next = i + 1 < text.Length ? new Rune(fold[text[i + 1]]) : default;
            var nextIsCjk = i + 1 < text.Length && IsCjk(next);
            if (nextIsCjk && pairs.Contains((first, next))) spans.Add(new MatchSpan(i, i + 2));
            if (!nextIsCjk && singles.Contains(first) && !(i > 0 && IsCjk(new Rune(fold[text[i - 1]])))) spans.Add(new MatchSpan(i, i + 1));
        }
    }

    internal void AddMatchesByCodePoint(string text, List<MatchSpan> spans)
    {
        var fold = TraditionalToSimplified.Table;
        Rune previous = default;
        int previousStart = -1;
        var previousIsCjk = false;
        var beforePreviousIsCjk = false;
        var index = 0;
        while (index <= text.Length)
        {
            Rune current = default;
            var currentIsCjk = false;
            var length = 0;
            if (index < text.Length)
            {
                if (Rune.DecodeFromUtf16(text.AsSpan(index), out current, out length) != OperationStatus.Done) current = Rune.ReplacementChar;
                if (current.IsBmp) current = new Rune(fold[current.Value]);
                currentIsCjk = IsCjk(current);
            }
            if (previousIsCjk)
            {
                if (currentIsCjk && pairs.Contains((previous, current))) spans.Add(new MatchSpan(previousStart, index + length));
                if (!currentIsCjk && !beforePreviousIsCjk && singles.Contains(previous)) spans.Add(new MatchSpan(previousStart, index));
            }
            if (index == text.Length) break;
            beforePreviousIsCjk = previousIsCjk;
            previous = current;
            previousIsCjk = currentIsCjk;
            previousStart = index;
            index += Math.Max(1, length);
        }
    }

    /// <summary>The scripts the bigram reading pairs up: Han, Hiragana, Katakana and Hangul.</summary>
    internal static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x11FF => true,
        >= 0x2E80 and <= 0x2FDF => true,
        >= 0x3005 and <= 0x3007 => true,
        >= 0x3021 and <= 0x3029 => true,
        >= 0x3038 and <= 0x303B => true,
        >= 0x3041 and <= 0x309F => true,
        >= 0x30A0 and <= 0x30FF => true,
        >= 0x3130 and <= 0x318F => true,
        >= 0x31F0 and <= 0x31FF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xA960 and <= 0xA97F => true,
        >= 0xAC00 and <= 0xD7FF => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0xFF66 and <= 0xFF9F => true,
        >= 0x20000 and <= 0x3FFFF => true,
        _ => false,
    };
}
