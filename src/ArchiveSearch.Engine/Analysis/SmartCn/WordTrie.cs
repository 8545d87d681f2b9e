namespace ArchiveSearch.Engine.Analysis.SmartCn;

/// <summary>
/// The core dictionary's words as a trie of characters, built once from the dictionary's own look-ups: a node is a
/// character sequence that <see cref="CoreWordDictionary.PrefixMatch"/> finds as the prefix of some word, and it is a
/// word with a frequency exactly where <see cref="CoreWordDictionary.IsWordAt"/> and
/// <see cref="CoreWordDictionary.FrequencyAt"/> say so for that match. Extending a candidate word by a character is
/// then one probe of a hash table, where the dictionary runs a binary search over the first character's row (up to
/// 731 words, each its own array) for every extension.
/// </summary>
internal sealed class WordTrie
{
    private const int NoNode = -1;

    /// <summary>Per first character, its node, or <see cref="NoNode"/> when no word starts with it.</summary>
    private readonly int[] roots = new int[char.MaxValue + 1];
    private bool[] isWord = [];
    private int[] frequencies = [];

    // Children in one open-addressing table keyed by parent node and character; a key of 0 is an empty slot, since
    // every key carries its node + 1 in its high bits.
    private readonly ulong[] keys;
    private readonly int[] children;
    private readonly int mask;
    private int childCount;

    public int NodeCount => isWord.Length;

    private WordTrie(int capacity)
    {
        // At most three quarters full, so that a probe that misses ends soon.
        var size = 1;
        while (size * 3 < capacity * 4) size <<= 1;
        keys = new ulong[size];
        children = new int[size];
        mask = size - 1;
        Array.Fill(roots, NoNode);
    }

    public static WordTrie Build(CoreWordDictionary dictionary)
    {
        var rows = dictionary.AllRowsByFirstChar().ToList();
        var trie = new WordTrie(rows.Sum(r => r.Row.Sum(item => item?.Length ?? 0)));
        var word = new char[1 + rows.SelectMany(r => r.Row).Select(item => item?.Length ?? 0).DefaultIfEmpty().Max()];
        // Per node: whether it is a word, its frequency, and where the dictionary matched it (the next look-up's start).
        var isWord = new List<bool>();
        var frequencies = new List<int>();
        var matches = new List<int>();
        int NewNode(ReadOnlySpan<char> prefix, int match)
        {
            var whole = prefix.Length > 1 && dictionary.IsWordAt(prefix, match);
            isWord.Add(whole);
            frequencies.Add(whole ? dictionary.FrequencyAt(prefix, match) : 0);
            matches.Add(match);
            return matches.Count - 1;
        }

        foreach (var (first, row) in rows)
        {
            word[0] = first;
            var rootMatch = dictionary.PrefixMatch(word.AsSpan(0, 1));
            if (rootMatch < 0) continue;
            var root = trie.roots[first] = NewNode(word.AsSpan(0, 1), rootMatch);
            foreach (var tail in row)
            {
                if (tail is null) continue;
                // Walks the word's prefixes as segmentation extends a candidate: each match found from the last one.
                var node = root;
                for (var k = 0; k < tail.Length; k++)
                {
                    word[k + 1] = tail[k];
                    var child = trie.Child(node, tail[k]);
                    if (child == NoNode)
                    {
                        var prefix = word.AsSpan(0, k + 2);
                        var match = dictionary.PrefixMatch(prefix, matches[node]);
                        if (match < 0) break;
                        child = trie.AddChild(node, tail[k], NewNode(prefix, match));
                    }
                    node = child;
                }
            }
        }
        trie.isWord = [.. isWord];
        trie.frequencies = [.. frequencies];
        return trie;
    }

    /// <summary>The node of a one-character prefix, or -1 when no word starts with <paramref name="first"/>.</summary>
    public int Root(char first) => roots[first];

    /// <summary>The node of the node's sequence followed by <paramref name="next"/>, or -1 when no word has that prefix.</summary>
    public int Child(int node, char next)
    {
        var key = Key(node, next);
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var at = keys[slot];
            if (at == key) return children[slot];
            if (at == 0) return NoNode;
        }
    }

    /// <summary>Whether the node's sequence is a dictionary word (of two characters or more: one character is looked up apart).</summary>
    public bool IsWord(int node) => isWord[node];

    /// <summary>The word's frequency, as the dictionary gives it where the word was matched.</summary>
    public int Frequency(int node) => frequencies[node];

    private int AddChild(int node, char next, int child)
    {
        if (++childCount * 4 > keys.Length * 3) throw new InvalidOperationException("The trie's table is sized from the dictionary and cannot be full.");
        var key = Key(node, next);
        var slot = Slot(key);
        while (keys[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = key;
        children[slot] = child;
        return child;
    }

    private static ulong Key(int node, char next) => ((ulong)(uint)(node + 1) << 16) | next;

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
}
