using Lucene.Net.Analysis.Cn.Smart;

namespace ArchiveSearch.Engine.Analysis.SmartCn;

/// <summary>
/// SmartCn's word segmentation of one sentence (<c>HHMMSegmenter</c>, <c>BiSegGraph</c>, <c>WordSegmenter</c>,
/// <c>SegTokenFilter</c>) with the same candidate words, the same weights bit for bit and the same tie-breaking, so
/// it cuts exactly as SmartCn does. SmartCn builds a graph of objects per sentence (a token and a char array per
/// candidate word, a pair object per scored edge, dictionaries of lists); here the lattice is a set of flat arrays
/// that live as long as the segmenter, and the shortest path is found while the edges are scored.
/// </summary>
internal sealed class HhmmSegmenter
{
    private static readonly CoreWordDictionary Words = CoreWordDictionary.Load();
    private static readonly WordTrie Trie = WordTrie.Build(Words);
    private static readonly WordPairDictionary Pairs = WordPairDictionary.Load();
    // A byte per character (64 KB, where the enum's int would take 256 KB of cache): the types are 0 to 9.
    private static readonly byte[] CharTypes = Enumerable.Range(0, char.MaxValue + 1).Select(c => checked((byte)Utility.GetCharType((char)c))).ToArray();

    private static readonly char[] StringKey = Utility.STRING_CHAR_ARRAY;
    private static readonly char[] NumberKey = Utility.NUMBER_CHAR_ARRAY;
    private static readonly char[] StartKey = Utility.START_CHAR_ARRAY;
    private static readonly char[] EndKey = Utility.END_CHAR_ARRAY;
    private static readonly int StringFrequency = Words.Frequency(StringKey);
    private static readonly int NumberFrequency = Words.Frequency(NumberKey);
    private static readonly int StartFrequency = Words.Frequency(StartKey);
    private static readonly int EndFrequency = Words.Frequency(EndKey);

    private const double Smooth = 0.1;
    private static readonly double TinyDouble = 1.0 / Utility.MAX_FREQUENCE;

    // The lattice: candidate words in SmartCn's index order (by start, then as found), each with the characters
    // the word-pair dictionary knows it by (a Chinese word's own characters, 未##串 for a Latin run, ...).
    private int count;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int[] frequencies = new int[64];
    private WordType[] types = new WordType[64];
    private int[] keyStarts = new int[64];
    private int[] keyLengths = new int[64];
    private char[] keys = new char[256];
    private int keysUsed;
    private char[] wordKey = new char[16];

    // Per position of the sentence: the first candidate starting there (-1 if none), and how many start there.
    private int[] firstAt = new int[64];
    private int[] countAt = new int[64];
    private int[] nextStartFrom = new int[64];

    private double[] pathWeights = new double[64];
    private int[] previous = new int[64];
    private int[] pathTokens = new int[32];
    private CharType[] charTypes = new CharType[64];

    // The result: words with offsets in the sentence and their terms, one after another in termChars.
    private int[] wordStarts = new int[32];
    private int[] wordEnds = new int[32];
    private int[] termStarts = new int[32];
    private int[] termLengths = new int[32];
    private char[] termChars = new char[128];

    public int WordCount { get; private set; }

    public int WordStart(int i) => wordStarts[i];
    public int WordEnd(int i) => wordEnds[i];
    public char[] TermBuffer => termChars;
    public int TermStart(int i) => termStarts[i];
    public int TermLength(int i) => termLengths[i];

    public void Clear() => WordCount = 0;

    public void Segment(ReadOnlySpan<char> sentence)
    {
        BuildLattice(sentence);
        FindShortestPath();
        EmitPath(sentence);
    }

    private void BuildLattice(ReadOnlySpan<char> sentence)
    {
        var length = sentence.Length;
        count = 0;
        keysUsed = 0;
        Ensure(ref firstAt, length + 1);
        Ensure(ref countAt, length + 1);
        Ensure(ref nextStartFrom, length + 1);
        Ensure(ref charTypes, length);
        Array.Fill(firstAt, -1, 0, length + 1);
        Array.Clear(countAt, 0, length + 1);
        for (var k = 0; k < length; k++) charTypes[k] = (CharType)CharTypes[sentence[k]];

        Add(-1, 0, WordType.SENTENCE_BEGIN, StartFrequency, StartKey);
        var i = 0;
        while (i < length)
        {
            int j;
            bool hasFullWidth;
            switch (charTypes[i])
            {
                case CharType.SPACE_LIKE:
                    i++;
                    break;
                case CharType.HANZI:
                    AddChineseWordsAt(sentence, i);
                    i++;
                    break;
                case CharType.FULLWIDTH_LETTER:
                case CharType.LETTER:
                    j = RunEnd(i, length, CharType.LETTER, CharType.FULLWIDTH_LETTER, out hasFullWidth);
                    Add(i, j, hasFullWidth ? WordType.FULLWIDTH_STRING : WordType.STRING, StringFrequency, StringKey);
                    i = j;
                    break;
                case CharType.FULLWIDTH_DIGIT:
                case CharType.DIGIT:
                    j = RunEnd(i, length, CharType.DIGIT, CharType.FULLWIDTH_DIGIT, out hasFullWidth);
                    Add(i, j, hasFullWidth ? WordType.FULLWIDTH_NUMBER : WordType.NUMBER, NumberFrequency, NumberKey);
                    i = j;
                    break;
                case CharType.DELIMITER:
                    Add(i, i + 1, WordType.DELIMITER, Utility.MAX_FREQUENCE, sentence.Slice(i, 1));
                    i++;
                    break;
                default:
                    Add(i, i + 1, WordType.STRING, StringFrequency, StringKey);
                    i++;
                    break;
            }
        }
        Add(length, length + 1, WordType.SENTENCE_END, EndFrequency, EndKey);

        var next = length;
        for (var p = length; p >= 0; p--)
        {
            if (firstAt[p] >= 0) next = p;
            nextStartFrom[p] = next;
        }
    }

    /// <summary>Where a run of Latin letters (or of digits), half- or full-width mixed, that starts at <paramref name="i"/> ends.</summary>
    private int RunEnd(int i, int length, CharType halfWidth, CharType fullWidth, out bool hasFullWidth)
    {
        hasFullWidth = charTypes[i] == fullWidth;
        var j = i + 1;
        while (j < length && (charTypes[j] == halfWidth || charTypes[j] == fullWidth))
        {
            if (charTypes[j] == fullWidth) hasFullWidth = true;
            j++;
        }
        return j;
    }

    /// <summary>
    /// The character at <paramref name="i"/> and every dictionary word starting there. A word may run over spaces
    /// (中 国 is 中国, offsets 0–3), as in SmartCn: spaces between Chinese characters are skipped while extending.
    /// </summary>
    private void AddChineseWordsAt(ReadOnlySpan<char> sentence, int i)
    {
        var length = sentence.Length;
        var j = i + 1;
        var keyLength = 1;
        wordKey[0] = sentence[i];
        var key = sentence.Slice(i, 1);
        Add(i, j, WordType.CHINESE_WORD, Words.SingleCharFrequency(key[0]), key);
        var node = Trie.Root(key[0]);
        while (node >= 0)
        {
            if (keyLength > 1 && Trie.IsWord(node)) Add(i, j, WordType.CHINESE_WORD, Trie.Frequency(node), wordKey.AsSpan(0, keyLength));
            while (j < length && charTypes[j] == CharType.SPACE_LIKE) j++;
            if (j >= length || charTypes[j] != CharType.HANZI) break;
            if (keyLength == wordKey.Length) Array.Resize(ref wordKey, keyLength * 2);
            wordKey[keyLength++] = sentence[j];
            node = Trie.Child(node, sentence[j]);
            j++;
        }
    }

    private void Add(int start, int end, WordType type, int frequency, ReadOnlySpan<char> key)
    {
        if (count == starts.Length)
        {
            var size = count * 2;
            Array.Resize(ref starts, size);
            Array.Resize(ref ends, size);
            Array.Resize(ref frequencies, size);
            Array.Resize(ref types, size);
            Array.Resize(ref keyStarts, size);
            Array.Resize(ref keyLengths, size);
        }
        if (keysUsed + key.Length > keys.Length) Array.Resize(ref keys, Math.Max(keys.Length * 2, keysUsed + key.Length));
        key.CopyTo(keys.AsSpan(keysUsed));
        starts[count] = start;
        ends[count] = end;
        frequencies[count] = frequency;
        types[count] = type;
        keyStarts[count] = keysUsed;
        keyLengths[count] = key.Length;
        keysUsed += key.Length;
        if (start >= 0)
        {
            if (firstAt[start] < 0) firstAt[start] = count;
            countAt[start]++;
        }
        count++;
    }

    private ReadOnlySpan<char> KeyOf(int token) => keys.AsSpan(keyStarts[token], keyLengths[token]);

    /// <summary>
    /// BiSegGraph's edges and GetShortPath in one pass. Every edge runs from a word to the words at the next position
    /// where any word starts, so a word's cheapest path is final before its own edges are scored; the candidates for
    /// a word arrive in SmartCn's order (by the earlier word's index) and only a strictly cheaper one replaces the
    /// best, which keeps SmartCn's tie-breaking.
    /// </summary>
    private void FindShortestPath()
    {
        Ensure(ref pathWeights, count);
        Ensure(ref previous, count);
        pathWeights[0] = 0;
        for (var k = 1; k < count; k++)
        {
            pathWeights[k] = double.MaxValue;
            previous[k] = -1;
        }
        for (var from = 0; from < count - 1; from++)
        {
            var next = nextStartFrom[ends[from]];
            var firstKey = KeyOf(from);
            var pairPrefix = SmartCnHash.Hash1(SmartCnHash.Hash1(SmartCnHash.Seed1, firstKey), WordPairDictionary.PairSeparator);
            double oneWordFreq = frequencies[from];
            // Most pairs are not in the dictionary: their weight depends on the first word alone, so it is computed once.
            var unknownPairWeight = double.NaN;
            var first = firstAt[next];
            var last = first + countAt[next];
            for (var to = first; to < last; to++)
            {
                var secondKey = KeyOf(to);
                var wordPairFreq = Pairs.Frequency(SmartCnHash.Hash1(pairPrefix, secondKey), firstKey, secondKey);
                double weight;
                if (wordPairFreq != 0) weight = PairWeight(oneWordFreq, wordPairFreq);
                else if (double.IsNaN(unknownPairWeight)) weight = unknownPairWeight = PairWeight(oneWordFreq, 0);
                else weight = unknownPairWeight;
                var candidate = pathWeights[from] + weight;
                if (candidate < pathWeights[to])
                {
                    pathWeights[to] = candidate;
                    previous[to] = from;
                }
            }
        }
    }

    // BiSegGraph's edge weight, operation for operation, so that the doubles are SmartCn's to the last bit.
    private static double PairWeight(double oneWordFreq, int wordPairFreq) =>
        -Math.Log(Smooth * (1.0 + oneWordFreq) / (Utility.MAX_FREQUENCE + 0.0)
            + (1.0 - Smooth) * ((1.0 - TinyDouble) * wordPairFreq / (1.0 + oneWordFreq) + TinyDouble));

    private void EmitPath(ReadOnlySpan<char> sentence)
    {
        // The path runs back from the sentence's end to its start; both markers are left out, as in WordSegmenter.
        var words = 0;
        for (var k = previous[count - 1]; k > 0; k = previous[k]) words++;
        Ensure(ref pathTokens, words);
        var slot = words;
        for (var k = previous[count - 1]; k > 0; k = previous[k]) pathTokens[--slot] = k;

        Ensure(ref wordStarts, words);
        Ensure(ref wordEnds, words);
        Ensure(ref termStarts, words);
        Ensure(ref termLengths, words);
        var used = 0;
        for (var w = 0; w < words; w++)
        {
            var token = pathTokens[w];
            wordStarts[w] = starts[token];
            wordEnds[w] = ends[token];
            termStarts[w] = used;
            termLengths[w] = TermLengthOf(token);
            used += termLengths[w];
        }
        Ensure(ref termChars, used);
        for (var w = 0; w < words; w++) WriteTerm(pathTokens[w], sentence, termChars.AsSpan(termStarts[w], termLengths[w]));
        WordCount = words;
    }

    private int TermLengthOf(int token) => types[token] switch
    {
        WordType.DELIMITER => 1,
        WordType.STRING or WordType.NUMBER or WordType.FULLWIDTH_STRING or WordType.FULLWIDTH_NUMBER => ends[token] - starts[token],
        _ => keyLengths[token],
    };

    /// <summary>WordSegmenter.ConvertSegToken and SegTokenFilter: Latin and digit runs as written, folded to half-width
    /// and lower-case ASCII; every punctuation mark as ','; a Chinese word as its dictionary characters.</summary>
    private void WriteTerm(int token, ReadOnlySpan<char> sentence, Span<char> term)
    {
        switch (types[token])
        {
            case WordType.DELIMITER:
                term[0] = ',';
                return;
            case WordType.FULLWIDTH_NUMBER:
            case WordType.FULLWIDTH_STRING:
                sentence[starts[token]..ends[token]].CopyTo(term);
                for (var i = 0; i < term.Length; i++)
                {
                    if (term[i] >= 0xFF10) term[i] = (char)(term[i] - 0xFEE0);
                    if (term[i] is >= 'A' and <= 'Z') term[i] = (char)(term[i] + 0x20);
                }
                return;
            case WordType.STRING:
                sentence[starts[token]..ends[token]].CopyTo(term);
                for (var i = 0; i < term.Length; i++)
                {
                    if (term[i] is >= 'A' and <= 'Z') term[i] = (char)(term[i] + 0x20);
                }
                return;
            case WordType.NUMBER:
                sentence[starts[token]..ends[token]].CopyTo(term);
                return;
            default:
                KeyOf(token).CopyTo(term);
                return;
        }
    }

    private static void Ensure<T>(ref T[] array, int size)
    {
        if (array.Length < size) array = new T[Math.Max(size, array.Length * 2)];
    }
}
