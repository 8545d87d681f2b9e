using System.Reflection;
using Lucene.Net.Analysis.Cn.Smart;

namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// Chinese words and their frequencies from the dictionary built into Lucene.Net.Analysis.SmartCn
/// (internal <c>Hhmm.WordDictionary</c>, read by reflection). The dictionary is a hash table: slot h holds a
/// first character (<c>charIndexTable</c>) and the row <c>wordIndexTable[h]</c> of
/// <c>wordItem_charArrayTable</c> / <c>wordItem_frequencyTable</c>, whose entries are the rest of each word
/// and its count. Kept: words of 2–4 CJK characters with a non-zero count, plus the most frequent
/// single-character words (的, 在, 了, …) so sentences read like Chinese.
/// </summary>
internal static class ChineseWords
{
    private const int SingleCharacterWordsKept = 40;
    // The dictionary counts 的 and 在 hundreds of thousands of times; a quarter keeps them common without crowding out content words.
    private const int SingleCharacterDivisor = 4;
    private static readonly Lazy<WordList> Shared = new(Load);

    public static WordList List => Shared.Value;

    private static WordList Load()
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public;
        var type = typeof(SmartChineseAnalyzer).Assembly.GetType("Lucene.Net.Analysis.Cn.Smart.Hhmm.WordDictionary")
            ?? throw new InvalidOperationException("SmartCn's WordDictionary class was not found.");
        var instance = type.GetMethod("GetInstance", Flags)?.Invoke(null, null)
            ?? throw new InvalidOperationException("SmartCn's WordDictionary.GetInstance() is missing.");
        T Field<T>(string name) => (T)(type.GetField(name, Flags)?.GetValue(instance)
            ?? throw new InvalidOperationException($"SmartCn's WordDictionary has no field {name}."));

        var firstChars = Field<char[]>("charIndexTable");
        var rows = Field<short[]>("wordIndexTable");
        var rests = Field<char[][][]>("wordItem_charArrayTable");
        var counts = Field<int[][]>("wordItem_frequencyTable");

        var words = new Dictionary<string, long>(StringComparer.Ordinal);
        var singles = new List<(string Word, long Count)>();
        for (var slot = 0; slot < firstChars.Length; slot++)
        {
            var first = firstChars[slot];
            if (first == 0 || !IsCjk(first)) continue;
            var row = rows[slot];
            if (row < 0 || row >= rests.Length || rests[row] is not { } items || counts[row] is not { } frequencies) continue;
            for (var j = 0; j < items.Length && j < frequencies.Length; j++)
            {
                var rest = items[j] ?? [];
                if (frequencies[j] <= 0 || rest.Length > 3 || !rest.All(IsCjk)) continue;
                var word = first + new string(rest);
                if (word.Length == 1) singles.Add((word, Math.Max(1, frequencies[j] / SingleCharacterDivisor)));
                else words[word] = Math.Max(words.GetValueOrDefault(word), frequencies[j]);
            }
        }
        if (words.Count < 10_000)
            throw new InvalidOperationException($"Only {words.Count} words were read from SmartCn's dictionary.");

        var entries = words.Select(kv => (kv.Key, kv.Value)).ToList();
        entries.AddRange(singles.OrderByDescending(s => s.Count).ThenBy(s => s.Word, StringComparer.Ordinal).Take(SingleCharacterWordsKept));
        return new WordList(entries);
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
