using Lucene.Net.Analysis.CharFilters;

namespace ArchiveSearch.Engine.Analysis;

/// <summary>
/// Folds Traditional Chinese characters to Simplified before segmentation, so 繁體 articles are found by
/// 简体 queries and the other way round, and SmartCn (whose dictionary is Simplified) cuts both into the
/// same words. Only one-to-one character mappings are used, so a folded text has the original's length and
/// offsets (and highlights) still point at the original characters.
/// </summary>
/// <remarks>
/// The table is ICU's Traditional-Simplified transliteration, computed ahead of time into an embedded file:
/// building it at run time loaded ICU's transliterator data on every start (a quarter to half a second).
/// A test keeps the file equal to what ICU computes.
/// </remarks>
internal static class TraditionalToSimplified
{
    internal const string ResourceName = "ArchiveSearch.Engine.Analysis.traditional-to-simplified.txt";

    private static readonly Lazy<IReadOnlyList<(char Traditional, char Simplified)>> LazyPairs = new(ReadPairs, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<char[]> LazyTable = new(BuildTable, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every UTF-16 code unit's folded form (itself for all but the Traditional characters).</summary>
    public static char[] Table => LazyTable.Value;

    /// <summary>The same folding as Lucene's MappingCharFilter takes it (the reference the tests compare with).</summary>
    public static NormalizeCharMap BuildMap()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (traditional, simplified) in Pairs) builder.Add(traditional.ToString(), simplified.ToString());
        return builder.Build();
    }

    /// <summary>The character pairs the map folds.</summary>
    public static IReadOnlyList<(char Traditional, char Simplified)> Pairs => LazyPairs.Value;

    /// <summary>How many characters the map folds (for tests and logs).</summary>
    public static int Count => Pairs.Count;

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) table[c] = (char)c;
        foreach (var (traditional, simplified) in Pairs) table[traditional] = simplified;
        return table;
    }

    private static IReadOnlyList<(char, char)> ReadPairs()
    {
        using var stream = typeof(TraditionalToSimplified).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var pairs = new List<(char, char)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.Length != 2) throw new InvalidDataException($"{ResourceName}: '{line}' is not one Traditional and one Simplified character.");
            pairs.Add((line[0], line[1]));
        }
        return pairs;
    }
}
