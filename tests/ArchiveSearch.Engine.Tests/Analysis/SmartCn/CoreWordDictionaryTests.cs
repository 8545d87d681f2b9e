using ArchiveSearch.Engine.Analysis.SmartCn;

namespace ArchiveSearch.Engine.Tests.Analysis.SmartCn;

/// <summary>The dictionary's shortcuts answer what SmartCn's own look-ups answer, for every word it holds.</summary>
public sealed class CoreWordDictionaryTests
{
    private static readonly CoreWordDictionary Words = CoreWordDictionary.Load();

    [Fact]
    public void The_first_word_with_a_prefix_is_found_by_binary_search_where_smartcn_walks_back_for_every_prefix_of_every_word()
    {
        var checkedPrefixes = 0;
        foreach (var row in Words.AllRows)
        {
            for (var index = 0; index < row.Length; index++)
            {
                var tail = row[index] ?? [];
                // SmartCn's binary search may stop on any word having the prefix: every one of them is tried as the start.
                for (var length = 1; length <= tail.Length; length++)
                {
                    var prefix = tail.AsSpan(0, length);
                    Assert.Equal(CoreWordDictionary.FirstWithPrefixByWalking(row, prefix, index), CoreWordDictionary.FirstWithPrefix(row, prefix, index));
                    checkedPrefixes++;
                }
            }
        }
        Assert.True(checkedPrefixes > 100_000, $"only {checkedPrefixes} prefixes");
    }

    [Fact]
    public void A_word_found_where_it_was_matched_has_the_frequency_its_exact_look_up_gives()
    {
        var words = 0;
        foreach (var row in Words.AllRows)
        {
            for (var index = 0; index < row.Length; index++)
            {
                if (row[index] is not { Length: > 0 } tail) continue;
                var first = FirstCharOf(row);
                var word = (first + new string(tail)).AsSpan();
                if (!Words.IsWordAt(word, index)) continue;
                Assert.Equal(Words.Frequency(word), Words.FrequencyAt(word, index));
                words++;
            }
        }
        Assert.True(words > 70_000, $"only {words} words");
    }

    private static readonly Dictionary<char[]?[], char> FirstChars = BuildFirstChars();

    private static char FirstCharOf(char[]?[] row) => FirstChars[row];

    private static Dictionary<char[]?[], char> BuildFirstChars()
    {
        var firsts = new Dictionary<char[]?[], char>(ReferenceEqualityComparer.Instance);
        foreach (var (first, row) in Words.AllRowsByFirstChar()) firsts.TryAdd(row, first);
        return firsts;
    }
}
