namespace ArchiveSearch.Engine.Analysis.SmartCn;

/// <summary>
/// SmartCn's word dictionary (<c>coredict.mem</c>): for each first character a row of the words it starts, each row
/// sorted and holding the words without their first character. Look-ups behave exactly as SmartCn's
/// <c>WordDictionary</c> (the same binary searches and the same walk back to a prefix's first word), but on spans,
/// with each character's row found once through a direct table instead of SmartCn's double hashing per call.
/// </summary>
internal sealed class CoreWordDictionary
{
    private const int PrimeIndexLength = 12071;

    private readonly char[]?[]?[] rows;
    private readonly int[]?[] frequencies;
    private readonly short[] rowOfChar;

    /// <summary>Per row, whether no word occurs in it twice: then a word's exact look-up can only land where it was matched.</summary>
    private readonly bool[] distinctRow;

    private CoreWordDictionary(char[]?[]?[] rows, int[]?[] frequencies, short[] rowOfChar)
    {
        this.rows = rows;
        this.frequencies = frequencies;
        this.rowOfChar = rowOfChar;
        distinctRow = [.. rows.Select(row => row is null || row.Select(w => new string(w ?? [])).Distinct().Count() == row.Length)];
        singleCharFrequency = [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => rowOfChar[c] is >= 0 and var row && (rows[row] is null || frequencies[row] is null)
            ? NotLookedUp
            : Frequency([(char)c]))];
    }

    /// <summary>A character whose row SmartCn's file leaves empty: looked up as before each time, whatever that does.</summary>
    private const int NotLookedUp = int.MinValue;

    /// <summary><see cref="Frequency"/> of every one-character word, looked up once: each Chinese character of a text asks for its own.</summary>
    private readonly int[] singleCharFrequency;

    public int SingleCharFrequency(char c) => singleCharFrequency[c] is var frequency and not NotLookedUp ? frequency : Frequency([c]);

    public static CoreWordDictionary Load()
    {
        using var reader = new BinaryReader(new MemoryStream(SmartCnResources.Read("coredict.mem")));
        var wordIndexTable = new short[reader.ReadInt32()];
        for (var i = 0; i < wordIndexTable.Length; i++) wordIndexTable[i] = reader.ReadInt16();
        var charIndexTable = new char[reader.ReadInt32()];
        for (var i = 0; i < charIndexTable.Length; i++) charIndexTable[i] = reader.ReadChar();

        var rowCount = reader.ReadInt32();
        var rows = new char[]?[]?[Math.Max(rowCount, 0)];
        for (var i = 0; i < rowCount; i++)
        {
            var words = reader.ReadInt32();
            if (words < 0) continue;
            var row = rows[i] = new char[]?[words];
            for (var j = 0; j < words; j++)
            {
                var length = reader.ReadInt32();
                if (length < 0) continue;
                var word = row[j] = new char[length];
                for (var k = 0; k < length; k++) word[k] = reader.ReadChar();
            }
        }
        var frequencyRows = reader.ReadInt32();
        var frequencies = new int[]?[Math.Max(frequencyRows, 0)];
        for (var i = 0; i < frequencyRows; i++)
        {
            var count = reader.ReadInt32();
            if (count < 0) continue;
            var row = frequencies[i] = new int[count];
            for (var j = 0; j < count; j++) row[j] = reader.ReadInt32();
        }
        return new CoreWordDictionary(rows, frequencies, RowOfEveryChar(charIndexTable, wordIndexTable));
    }

    /// <summary>
    /// SmartCn's <c>GetWordItemTableIndex</c> answered once for every character: the row a character's words are in,
    /// or -1. Character 0 marks an empty slot of SmartCn's table and is never a word's first character.
    /// </summary>
    private static short[] RowOfEveryChar(char[] charIndexTable, short[] wordIndexTable)
    {
        var rowOf = new short[char.MaxValue + 1];
        rowOf[0] = -1;
        for (var c = 1; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            var hash1 = (int)(SmartCnHash.Hash1OfChar(ch) % PrimeIndexLength);
            var hash2 = SmartCnHash.Hash2(SmartCnHash.Seed2, ch) % PrimeIndexLength;
            if (hash1 < 0) hash1 = PrimeIndexLength + hash1;
            if (hash2 < 0) hash2 = PrimeIndexLength + hash2;
            var index = hash1;
            var i = 1;
            while (charIndexTable[index] != 0 && charIndexTable[index] != ch && i < PrimeIndexLength)
            {
                index = (hash1 + i * hash2) % PrimeIndexLength;
                i++;
            }
            rowOf[c] = i < PrimeIndexLength && charIndexTable[index] == ch ? wordIndexTable[index] : (short)-1;
        }
        return rowOf;
    }

    /// <summary>How often <paramref name="word"/> occurs in SmartCn's corpus, 0 when it is not a word.</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        var row = rowOfChar[word[0]];
        if (row < 0) return 0;
        var index = Find(rows[row]!, word[1..]);
        return index < 0 ? 0 : frequencies[row]![index];
    }

    /// <summary>
    /// The first word of the row of <paramref name="word"/>'s first character, from <paramref name="knownStart"/> on,
    /// that <paramref name="word"/> is a prefix of; -1 when none is.
    /// </summary>
    public int PrefixMatch(ReadOnlySpan<char> word, int knownStart = 0)
    {
        var row = rowOfChar[word[0]];
        if (row < 0) return -1;
        var items = rows[row]!;
        var tail = word[1..];
        int start = knownStart, end = items.Length - 1;
        // Every word of the row starts with an empty tail: SmartCn's walk back then always ends at the row's first word.
        if (tail.IsEmpty) return start <= end ? 0 : -1;
        var mid = (start + end) / 2;
        while (start <= end)
        {
            var comparison = ComparePrefix(tail, items[mid]);
            if (comparison == 0) return FirstWithPrefix(items, tail, mid);
            if (comparison < 0) end = mid - 1;
            else start = mid + 1;
            mid = (start + end) / 2;
        }
        return -1;
    }

    /// <summary>
    /// SmartCn's walk back from a word that has <paramref name="tail"/> as a prefix to the first such word, as a binary
    /// search: a row is sorted, so the words with a prefix are consecutive (a test checks this against the walk for
    /// every prefix of every word of the dictionary).
    /// </summary>
    internal static int FirstWithPrefix(char[]?[] items, ReadOnlySpan<char> tail, int known)
    {
        int low = 0, high = known;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (ComparePrefix(tail, items[mid]) == 0) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    /// <summary>SmartCn's own walk back, kept for the test that pins <see cref="FirstWithPrefix"/> to it.</summary>
    internal static int FirstWithPrefixByWalking(char[]?[] items, ReadOnlySpan<char> tail, int known)
    {
        var mid = known;
        while (mid >= 0 && ComparePrefix(tail, items[mid]) == 0) mid--;
        return mid + 1;
    }

    /// <summary>Every row of words, for the tests that pin the look-ups to SmartCn's.</summary>
    internal IEnumerable<char[]?[]> AllRows => rows.OfType<char[]?[]>();

    /// <summary>Every character that starts a row of words, with its row.</summary>
    internal IEnumerable<(char First, char[]?[] Row)> AllRowsByFirstChar()
    {
        for (var c = 1; c <= char.MaxValue; c++)
        {
            if (RowOf((char)c) is { } row) yield return ((char)c, row);
        }
    }

    /// <summary>The row of the words <paramref name="first"/> starts, if any.</summary>
    internal char[]?[]? RowOf(char first) => rowOfChar[first] is >= 0 and var row ? rows[row] : null;

    /// <summary>
    /// <see cref="Frequency"/> of a word found at <paramref name="index"/> of its row (<see cref="IsWordAt"/>), without
    /// searching the row again where its words are distinct.
    /// </summary>
    public int FrequencyAt(ReadOnlySpan<char> word, int index)
    {
        var row = rowOfChar[word[0]];
        return distinctRow[row] ? frequencies[row]![index] : Frequency(word);
    }

    /// <summary>Whether the row's word at <paramref name="index"/> is <paramref name="word"/> itself.</summary>
    public bool IsWordAt(ReadOnlySpan<char> word, int index)
    {
        var item = rows[rowOfChar[word[0]]]![index];
        return item is null ? word.Length == 1 : word[1..].SequenceEqual(item);
    }

    // SmartCn's FindInTable: Utility.CompareArray(item, 0, word, 1), a binary search for the exact tail.
    private static int Find(char[]?[] items, ReadOnlySpan<char> tail)
    {
        int start = 0, end = items.Length - 1;
        var mid = (start + end) / 2;
        while (start <= end)
        {
            var comparison = CompareItem(items[mid], tail);
            if (comparison == 0) return mid;
            if (comparison < 0) start = mid + 1;
            else end = mid - 1;
            mid = (start + end) / 2;
        }
        return -1;
    }

    // Utility.CompareArray(item, 0, word, 1); a missing item sorts as the empty word.
    private static int CompareItem(char[]? item, ReadOnlySpan<char> tail)
    {
        if (item is null) return tail.IsEmpty ? 0 : -1;
        var common = item.AsSpan().CommonPrefixLength(tail);
        if (common == item.Length) return common == tail.Length ? 0 : -1;
        if (common == tail.Length) return 1;
        return item[common] > tail[common] ? 1 : -1;
    }

    // Utility.CompareArrayByPrefix(word, 1, item, 0): 0 when the tail is a prefix of the item.
    private static int ComparePrefix(ReadOnlySpan<char> tail, char[]? item)
    {
        if (item is null) return tail.IsEmpty ? 0 : 1;
        var common = tail.CommonPrefixLength(item);
        if (common == tail.Length) return 0;
        if (common == item.Length) return 1;
        return tail[common] > item[common] ? 1 : -1;
    }
}
