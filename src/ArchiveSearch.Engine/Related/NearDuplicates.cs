using ArchiveSearch.Engine.Analysis;
using ArchiveSearch.Engine.Archive;
using ArchiveSearch.Engine.Indexing;

namespace ArchiveSearch.Engine.Related;

/// <summary>
/// Whether two articles are one article saved twice (from two sources, or twice from one): their titles are the same
/// once normalized (<see cref="TitleKey"/>, at least <see cref="MinTitleKeyLength"/> letters or digits, so 新闻 and
/// 新闻 are not one article), or their original texts share at least <see cref="MinTextSimilarity"/> of their
/// three-character shingles (Jaccard, letters and digits only, folded like titles; both texts at least
/// <see cref="MinShingles"/> shingles long). The AI summaries are not compared: they are written anew at each save.
/// </summary>
internal static class NearDuplicates
{
    internal const int MinTitleKeyLength = 6;
    internal const double MinTextSimilarity = 0.8;
    internal const int MinShingles = 30;

    /// <summary>Texts are compared on their start: a copy is alike from its first paragraphs, and the cost stays bounded.</summary>
    internal const int MaxTextRead = 20_000;

    /// <summary>What one article is compared on, computed once per article however many it is compared with.</summary>
    internal sealed class Print(StoredArticle article)
    {
        public string TitleKey { get; } = Archive.TitleKey.Of(article.Title);
        public HashSet<long> Shingles { get; } = ShinglesOf(article.OriginalText);
    }

    public static bool Are(Print a, Print b) =>
        (a.TitleKey.Length >= MinTitleKeyLength && a.TitleKey == b.TitleKey) || Similarity(a.Shingles, b.Shingles) >= MinTextSimilarity;

    /// <summary>Jaccard similarity of the two shingle sets; 0 when either text is too short to tell.</summary>
    internal static double Similarity(HashSet<long> a, HashSet<long> b)
    {
        if (a.Count < MinShingles || b.Count < MinShingles) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>Every run of three letters or digits, each a 48-bit number of its three folded characters.</summary>
    internal static HashSet<long> ShinglesOf(string text)
    {
        var table = TraditionalToSimplified.Table;
        var shingles = new HashSet<long>();
        long window = 0;
        var filled = 0;
        var folded = TextNormalizer.FoldWidth(text.Length > MaxTextRead ? text[..MaxTextRead] : text);
        foreach (var c in folded)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            window = ((window << 16) | char.ToLowerInvariant(table[c])) & 0xFFFF_FFFF_FFFF;
            if (++filled >= 3) shingles.Add(window);
        }
        return shingles;
    }
}
