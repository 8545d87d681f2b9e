using System.Globalization;
using System.Text;

namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// Writes running text from frequency-weighted words: Chinese sentences with ，and 。 (and now and then an
/// ASCII name or number), English ones with ", " and ". ". Lengths are kept within bounds by stopping
/// at a word boundary, so no word is ever cut.
/// </summary>
internal sealed class TextComposer(WordList chinese, WordList english)
{
    private static readonly string[] ChineseEndings = ["。", "。", "。", "。", "！", "？"];
    private static readonly string[] ChineseShortFillers = ["的", "了", "是", "在", "和"];
    private static readonly string[] EnglishShortFillers = ["a", "to", "is", "in", "of"];

    public static TextComposer Shared { get; } = new(ChineseWords.List, EnglishWords.List);

    public WordList Chinese => chinese;
    public WordList English => english;

    /// <summary>
    /// Appends between <paramref name="minChars"/> and <paramref name="maxChars"/> characters of sentences
    /// (needs maxChars − minChars ≥ 6). With <paramref name="html"/>, a few <c>&amp;amp;</c> and
    /// <c>&amp;quot;</c> entities appear; they count toward the length.
    /// </summary>
    public void Append(StringBuilder text, ArticleLanguage language, ArticleRandom random, int minChars, int maxChars,
        bool endSentence = true, bool html = false)
    {
        var start = text.Length;
        var zh = language == ArticleLanguage.Chinese;
        var reserve = endSentence ? 1 : 0;
        var wordsLeftInSentence = SentenceLength(zh, random);
        var wordsLeftInClause = ClauseLength(zh, random);
        var atSentenceStart = true;
        var misses = 0;
        while (true)
        {
            var used = text.Length - start;
            var word = NextWord(zh, random, atSentenceStart, html);
            var separator = text.Length == start ? 0
                : zh ? (char.IsAsciiLetterOrDigit(text[^1]) && char.IsAsciiLetterOrDigit(word[0]) ? 1 : 0)
                : atSentenceStart ? 0 : 1;
            if (used + separator + word.Length + reserve > maxChars)
            {
                if (used >= minChars) break;
                if (++misses < 30) continue;
                word = (zh ? ChineseShortFillers : EnglishShortFillers)[random.Next(5)];
                if (used + separator + word.Length + reserve > maxChars) break;
            }
            if (separator == 1) text.Append(' ');
            text.Append(word);
            atSentenceStart = false;

            if (--wordsLeftInSentence <= 0)
            {
                if (text.Length - start + 2 + reserve > maxChars) continue;
                text.Append(zh ? random.Pick(ChineseEndings) : ".");
                if (!zh) text.Append(' ');
                atSentenceStart = true;
                wordsLeftInSentence = SentenceLength(zh, random);
                wordsLeftInClause = ClauseLength(zh, random);
                if (text.Length - start >= minChars && random.Chance(0.15)) break;
            }
            else if (--wordsLeftInClause <= 0)
            {
                if (text.Length - start + 2 + reserve > maxChars) continue;
                text.Append(zh ? "，" : ",");
                wordsLeftInClause = ClauseLength(zh, random);
            }
        }
        Finish(text, start, zh, endSentence);
    }

    /// <summary>Appends words up to <paramref name="maxChars"/> with no punctuation: titles and hashtags.</summary>
    public void AppendPhrase(StringBuilder text, ArticleLanguage language, ArticleRandom random, int minChars, int maxChars, bool titleCase)
    {
        var start = text.Length;
        var zh = language == ArticleLanguage.Chinese;
        var misses = 0;
        while (true)
        {
            var used = text.Length - start;
            var word = zh ? NextWord(true, random, false, false) : english.Sample(random);
            var separator = used == 0 ? 0 : !zh || (char.IsAsciiLetterOrDigit(text[^1]) && char.IsAsciiLetterOrDigit(word[0])) ? 1 : 0;
            if (used + separator + word.Length > maxChars)
            {
                if (used >= minChars || ++misses >= 30) break;
                continue;
            }
            if (separator == 1) text.Append(' ');
            if (!zh && (titleCase || used == 0)) AppendCapitalised(text, word);
            else text.Append(word);
        }
    }

    private static void Finish(StringBuilder text, int start, bool zh, bool endSentence)
    {
        while (text.Length > start && (text[^1] == ' ' || text[^1] == ',' || text[^1] == '，')) text.Length--;
        if (!endSentence || text.Length == start) return;
        var last = text[^1];
        if (last is '.' or '。' or '！' or '？') return;
        text.Append(zh ? '。' : '.');
    }

    private string NextWord(bool zh, ArticleRandom random, bool atSentenceStart, bool html)
    {
        if (zh)
        {
            if (random.Chance(0.04)) return AsciiToken(random);
            var word = chinese.Sample(random);
            if (html && random.Chance(0.006)) return "&quot;" + word + "&quot;";
            return word;
        }
        var w = english.Sample(random);
        if (html && !atSentenceStart && random.Chance(0.006)) return "&amp; " + w;
        if (html && random.Chance(0.006)) return "&quot;" + w + "&quot;";
        if (atSentenceStart) return Capitalised(w);
        if (random.Chance(0.01)) return random.Next(2, 2026).ToString(CultureInfo.InvariantCulture);
        return w;
    }

    /// <summary>A name or number inside Chinese text: "Linux", "2024年", "3.5", "GPU".</summary>
    private string AsciiToken(ArticleRandom random)
    {
        var c = CultureInfo.InvariantCulture;
        return random.Next(5) switch
        {
            0 => random.Next(2010, 2026).ToString(c) + "年",
            1 => random.Next(1, 1000).ToString(c),
            2 => string.Create(c, $"{random.Next(1, 10)}.{random.Next(0, 10)}"),
            _ => Capitalised(english.Sample(random)),
        };
    }

    private static int SentenceLength(bool zh, ArticleRandom random) => zh ? random.Next(5, 22) : random.Next(6, 24);

    private static int ClauseLength(bool zh, ArticleRandom random) => zh ? random.Next(3, 9) : random.Next(5, 14);

    private static string Capitalised(string word) =>
        word.Length == 0 || !char.IsAsciiLetterLower(word[0]) ? word : string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));

    private static void AppendCapitalised(StringBuilder text, string word)
    {
        if (word.Length == 0) return;
        text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
    }
}
