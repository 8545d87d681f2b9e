using System.Text;

namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// About 3,000 hashtag values made of real words (two Chinese to one English), ranked, and drawn with
/// Zipf's law: the first few are very common, most are rare. The pool is the same for every seed.
/// Chinese articles draw from the whole pool; English ones from its English values only.
/// </summary>
internal sealed class HashtagPool
{
    public const int Size = 3000;
    private const long PoolSeed = 0x5EED_7A65;
    private const double Exponent = 1.0;

    private readonly WeightedSampler _all;
    private readonly WeightedSampler _english;
    private readonly string[] _englishValues;

    private static readonly Lazy<HashtagPool> SharedPool = new(() => new HashtagPool(TextComposer.Shared));

    public static HashtagPool Shared => SharedPool.Value;

    public HashtagPool(TextComposer composer)
    {
        var random = new ArticleRandom(PoolSeed, 0);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var values = new string[Size];
        var english = new List<string>();
        var text = new StringBuilder();
        for (var rank = 0; rank < Size; rank++)
        {
            var isEnglish = rank % 3 == 2;
            string value;
            do
            {
                text.Clear();
                if (isEnglish) AppendEnglish(text, composer.English, random);
                else AppendChinese(text, composer.Chinese, random);
                value = text.ToString();
            }
            while (value.Length == 0 || !seen.Add(value));
            values[rank] = value;
            if (isEnglish) english.Add(value);
        }
        Values = values;
        _englishValues = [.. english];
        _all = WeightedSampler.Zipf(values.Length, Exponent);
        _english = WeightedSampler.Zipf(_englishValues.Length, Exponent);
    }

    /// <summary>All values, most common first.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>1–4 distinct values for one article.</summary>
    public string[] Draw(ArticleLanguage language, ArticleRandom random)
    {
        var u = random.NextDouble();
        var count = u < 0.4 ? 1 : u < 0.7 ? 2 : u < 0.9 ? 3 : 4;
        var tags = new List<string>(count);
        for (var attempt = 0; tags.Count < count && attempt < 50; attempt++)
        {
            var tag = language == ArticleLanguage.English ? _englishValues[_english.Sample(random)] : Values[_all.Sample(random)];
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) tags.Add(tag);
        }
        return [.. tags];
    }

    // "人工智能发展": two or three words of two characters or more.
    private static void AppendChinese(StringBuilder text, WordList words, ArticleRandom random)
    {
        var count = random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            string word;
            do word = words.Sample(random);
            while (word.Length < 2);
            text.Append(word);
        }
    }

    // "machine learning", "OpenSource", "kernel": words of four letters or more, so no "#the of#".
    private static void AppendEnglish(StringBuilder text, WordList words, ArticleRandom random)
    {
        var count = random.Next(1, 4);
        var camel = random.Chance(0.4);
        for (var i = 0; i < count; i++)
        {
            string word;
            do word = words.Sample(random);
            while (word.Length < 4);
            if (i > 0 && !camel) text.Append(' ');
            if (camel) text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            else text.Append(word);
        }
    }
}
