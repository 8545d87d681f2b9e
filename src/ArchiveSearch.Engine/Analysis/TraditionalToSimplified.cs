using ICU4N.Text;
using Lucene.Net.Analysis.CharFilters;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>
/// Folds Traditional Chinese characters to Simplified before segmentation, so 繁體 articles are found by
/// 简体 queries and the other way round, and SmartCn (whose dictionary is Simplified) cuts both into the
/// same words. Only one-to-one character mappings are used, through a MappingCharFilter, so offsets (and
/// highlights) still point at the original characters.
/// </summary>
internal static class TraditionalToSimplified
{
    private static readonly Lazy<NormalizeCharMap> LazyMap = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static NormalizeCharMap Map => LazyMap.Value;

    /// <summary>How many characters the map folds (for tests and logs).</summary>
    public static int Count { get; private set; }

    private static NormalizeCharMap Build()
    {
        var transliterator = Transliterator.GetInstance("Traditional-Simplified");
        var builder = new NormalizeCharMap.Builder();
        var count = 0;
        // CJK Unified Ideographs and Extension A: the characters a Traditional text uses.
        foreach (var (first, last) in new[] { (0x3400, 0x4DBF), (0x4E00, 0x9FFF) })
        {
            for (var code = first; code <= last; code++)
            {
                var c = ((char)code).ToString();
                var folded = transliterator.Transliterate(c);
                if (folded.Length != 1 || folded == c) continue;
                builder.Add(c, folded);
                count++;
            }
        }
        Count = count;
        return builder.Build();
    }
}
