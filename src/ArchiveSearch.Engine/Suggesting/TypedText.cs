using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Suggesting;

/// <summary>
/// What has been typed, read for completion: the hashtag being typed (after an unclosed <c>#</c>), or else the last
/// word being typed (a Latin run or a Chinese run at the very end) and the whole text. Folding keeps every character
/// where it was typed (width and Traditional → Simplified are one character for one), so positions in the folded text
/// are positions in what was typed.
/// </summary>
internal sealed class TypedText
{
    /// <summary>How far back a Chinese run is read for the start of a word: longer words are rare.</summary>
    internal const int MaxChineseWord = 8;

    private TypedText(string raw, bool endsInSpace, bool typingHashtag, string hashtagPrefix, string withoutHashtag, WordFragment? lastWord)
    {
        Raw = raw;
        EndsInSpace = endsInSpace;
        TypingHashtag = typingHashtag;
        HashtagPrefix = hashtagPrefix;
        WithoutHashtag = withoutHashtag;
        LastWord = lastWord;
    }

    /// <summary>Exactly what was typed.</summary>
    public string Raw { get; }

    /// <summary>The last word is finished: it is not completed, and titles match it whole.</summary>
    public bool EndsInSpace { get; }

    /// <summary>An odd number of <c>#</c>: a hashtag is being typed, and only hashtags are suggested.</summary>
    public bool TypingHashtag { get; }

    /// <summary>The start of the hashtag keys to suggest, folded as keys are (case, width, white space).</summary>
    public string HashtagPrefix { get; }

    /// <summary>The query once a hashtag is chosen: what was typed before the hashtag (nothing when the whole text was it).</summary>
    public string WithoutHashtag { get; }

    /// <summary>The word being typed; null after a space, punctuation, or while a hashtag is typed.</summary>
    public WordFragment? LastWord { get; }

    public static TypedText Read(string typed)
    {
        var folded = TextNormalizer.FoldWidth(typed);
        var endsInSpace = folded.Length > 0 && char.IsWhiteSpace(folded[^1]);
        var hash = folded.LastIndexOf('#');
        // C#, F#: a '#' ending a word opens no hashtag.
        var endsAWord = hash == folded.Length - 1 && hash > 0 && IsLatinOrDigit(folded[hash - 1]);
        if (folded.Count(c => c == '#') % 2 == 1 && !endsAWord)
        {
            return new TypedText(typed, endsInSpace, typingHashtag: true, KeyPrefix(folded[(hash + 1)..], endsInSpace), typed[..hash].TrimEnd(), lastWord: null);
        }
        // Typed whole (#量子计算#, or words): the text itself may begin a hashtag.
        var prefix = KeyPrefix(folded.Trim().Trim('#'), endsInSpace);
        return new TypedText(typed, endsInSpace, typingHashtag: false, prefix, withoutHashtag: "", endsInSpace ? null : LastWordOf(folded));
    }

    /// <summary>A hashtag key's start: folded like <see cref="Hashtag.KeyOf"/>, keeping one trailing space a word was ended with.</summary>
    private static string KeyPrefix(string text, bool endsInSpace)
    {
        var key = Hashtag.KeyOf(text);
        return endsInSpace && key.Length > 0 ? key + " " : key;
    }

    private static WordFragment? LastWordOf(string folded)
    {
        var end = folded.Length;
        if (end == 0) return null;
        var chinese = IsHan(folded[end - 1]);
        if (!chinese && !IsLatinOrDigit(folded[end - 1])) return null;
        var start = end;
        while (start > 0 && (chinese ? IsHan(folded[start - 1]) && end - start < MaxChineseWord : IsLatinOrDigit(folded[start - 1]))) start--;
        var text = folded[start..end];
        if (chinese)
        {
            var table = TraditionalToSimplified.Table;
            text = string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < span.Length; i++) span[i] = table[source[i]];
            });
        }
        else
        {
            text = text.ToLowerInvariant();
        }
        return new WordFragment(start, text, chinese);
    }

    /// <summary>CJK ideographs (the unified block, extension A and the compatibility block), which SmartCn segments.</summary>
    internal static bool IsHan(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool IsLatinOrDigit(char c) => char.IsLetterOrDigit(c) && !IsHan(c);
}

/// <summary>The word being typed: where it starts in the typed text, and its folded form (lower case, or Simplified).</summary>
/// <param name="Text">For Chinese, up to <see cref="TypedText.MaxChineseWord"/> characters before the end: any suffix may be the word's start.</param>
internal sealed record WordFragment(int Start, string Text, bool IsChinese);
