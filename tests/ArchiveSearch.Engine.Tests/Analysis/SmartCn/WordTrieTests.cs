using ArchiveSearch.Engine.Analysis.SmartCn;

namespace ArchiveSearch.Engine.Tests.Analysis.SmartCn;

/// <summary>
/// The trie answers, prefix by prefix, what the dictionary's look-ups answered as segmentation extended a candidate
/// word: whether any word goes on from there, whether it is a word, and its frequency.
/// </summary>
public sealed class WordTrieTests
{
    private static readonly CoreWordDictionary Words = CoreWordDictionary.Load();
    private static readonly WordTrie Trie = WordTrie.Build(Words);

    [Fact]
    public void Every_prefix_of_every_dictionary_word_is_what_the_dictionary_look_ups_say()
    {
        var prefixes = 0;
        var words = 0;
        foreach (var (first, row) in Words.AllRowsByFirstChar())
        {
            foreach (var tail in row)
            {
                var text = first + new string(tail ?? []);
                var expected = ByDictionary(text);
                Assert.Equal(expected, ByTrie(text));
                prefixes += expected.Count;
                words += expected.Count(step => step.IsWord);
            }
        }
        Assert.True(prefixes > 120_000, $"only {prefixes} prefixes");
        Assert.True(words > 70_000, $"only {words} words");
    }

    [Fact]
    public void Character_sequences_the_dictionary_lacks_end_where_its_look_ups_end()
    {
        // Characters that start words, strung together at random: many sequences share a word's first characters and
        // then leave it, where a wrong child in the table would show.
        var firsts = Words.AllRowsByFirstChar().Select(r => r.First).ToArray();
        var random = new Random(13);
        var stopped = 0;
        for (var n = 0; n < 50_000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(2, 7)).Select(_ => firsts[random.Next(firsts.Length)]).ToArray());
            var expected = ByDictionary(text);
            Assert.Equal(expected, ByTrie(text));
            if (expected.Count < text.Length) stopped++;
        }
        Assert.True(stopped > 40_000, $"only {stopped} sequences left the dictionary");
    }

    [Fact]
    public void A_character_no_word_starts_with_has_no_node()
    {
        Assert.Equal(-1, Trie.Root('a'));
        Assert.Equal(-1, Trie.Root('\0'));
        Assert.True(Trie.Root('中') >= 0);
        Assert.True(Trie.NodeCount > 100_000, $"{Trie.NodeCount} nodes");
    }

    /// <summary>Per prefix from the second character on, while any word goes on: whether it is a word and its frequency.</summary>
    private static List<(bool IsWord, int Frequency)> ByDictionary(string text)
    {
        var steps = new List<(bool, int)>();
        var found = Words.PrefixMatch(text.AsSpan(0, 1));
        for (var length = 2; found >= 0 && length <= text.Length; length++)
        {
            var prefix = text.AsSpan(0, length);
            found = Words.PrefixMatch(prefix, found);
            if (found < 0) break;
            var word = Words.IsWordAt(prefix, found);
            steps.Add((word, word ? Words.FrequencyAt(prefix, found) : 0));
        }
        return steps;
    }

    private static List<(bool IsWord, int Frequency)> ByTrie(string text)
    {
        var steps = new List<(bool, int)>();
        var node = Trie.Root(text[0]);
        for (var length = 2; node >= 0 && length <= text.Length; length++)
        {
            node = Trie.Child(node, text[length - 1]);
            if (node < 0) break;
            steps.Add((Trie.IsWord(node), Trie.IsWord(node) ? Trie.Frequency(node) : 0));
        }
        return steps;
    }
}
