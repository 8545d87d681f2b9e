using System.Numerics;
using System.Runtime.InteropServices;

namespace ArchiveSearch.Engine.Analysis.SmartCn;

/// <summary>
/// SmartCn's word-pair frequencies (<c>bigramdict.mem</c>), keyed as SmartCn keys them: by the 64-bit
/// <see cref="SmartCnHash"/> of "w1@w2", so two pairs that collide share a frequency exactly as they do there.
/// SmartCn probes a 402,137-slot table with a second hash; most pairs a sentence scores are absent, and each miss
/// probed about five random slots. Here a Bloom filter small enough for the processor's cache answers most misses,
/// and the entries sit in a power-of-two table at most half full, key and frequency side by side, probed linearly from
/// a multiplicative hash of the key: a look-up past the filter usually reads one cache line.
/// </summary>
internal sealed class WordPairDictionary
{
    public const char PairSeparator = '@';

    private readonly Entry[] entries;
    private readonly int shift;
    private readonly int mask;
    private readonly ulong[] filter;
    private readonly int filterShift;

    // SmartCn's own table, kept for a key of 0, which its table cannot tell from an empty slot.
    private readonly long[] originalKeys;
    private readonly int[] originalFrequencies;

    private WordPairDictionary(long[] originalKeys, int[] originalFrequencies)
    {
        this.originalKeys = originalKeys;
        this.originalFrequencies = originalFrequencies;
        var used = originalKeys.Count(k => k != 0);
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, used * 2));
        entries = new Entry[capacity];
        mask = capacity - 1;
        shift = 64 - BitOperations.Log2((uint)capacity);
        // About 8 bits per pair and two probes: a few percent of misses get through to the table.
        var filterBits = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, used * 8));
        filter = new ulong[filterBits / 64];
        filterShift = 64 - BitOperations.Log2((uint)filterBits);
        for (var i = 0; i < originalKeys.Length; i++)
        {
            var key = originalKeys[i];
            if (key == 0) continue;
            var slot = SlotOf(key);
            while (entries[slot].Key != 0) slot = (slot + 1) & mask;
            entries[slot] = new Entry(key, originalFrequencies[i]);
            var (bit1, bit2) = FilterBits(key);
            filter[bit1 >> 6] |= 1UL << bit1;
            filter[bit2 >> 6] |= 1UL << bit2;
        }
    }

    private readonly record struct Entry(long Key, int Frequency);

    private (int, int) FilterBits(long key)
    {
        var mixed = (ulong)key * 0xD6E8FEB86659FD93UL;
        return ((int)(mixed >> filterShift), (int)((mixed << 32 | mixed >> 32) >> filterShift));
    }

    public static WordPairDictionary Load()
    {
        var bytes = SmartCnResources.Read("bigramdict.mem");
        var keyCount = BitConverter.ToInt32(bytes, 0);
        var keys = MemoryMarshal.Cast<byte, long>(bytes.AsSpan(4, keyCount * 8)).ToArray();
        var frequencyStart = 4 + keyCount * 8;
        var frequencyCount = BitConverter.ToInt32(bytes, frequencyStart);
        var frequencies = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(frequencyStart + 4, frequencyCount * 4)).ToArray();
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("SmartCn's dictionaries are little-endian.");
        return new WordPairDictionary(keys, frequencies);
    }

    private int SlotOf(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift) & mask;

    /// <summary>The frequency of the pair <paramref name="first"/>@<paramref name="second"/>.</summary>
    /// <param name="pairHash1">SmartCn's Hash1 of the pair's characters, which the caller builds up incrementally.</param>
    public int Frequency(long pairHash1, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (pairHash1 == 0)
        {
            var hash2 = SmartCnHash.Hash2(SmartCnHash.Hash2(SmartCnHash.Hash2(SmartCnHash.Seed2, first), PairSeparator), second);
            return FrequencyOfZeroKey(hash2);
        }
        var (bit1, bit2) = FilterBits(pairHash1);
        if ((filter[bit1 >> 6] & (1UL << bit1)) == 0 || (filter[bit2 >> 6] & (1UL << bit2)) == 0) return 0;
        var slot = SlotOf(pairHash1);
        while (true)
        {
            ref readonly var entry = ref entries[slot];
            if (entry.Key == pairHash1) return entry.Frequency;
            if (entry.Key == 0) return 0;
            slot = (slot + 1) & mask;
        }
    }

    // BigramDictionary.GetBigramItemIndex for a key of 0 (int arithmetic as there): the probe stops at the first empty
    // slot and answers that slot's frequency.
    private int FrequencyOfZeroKey(int hash2)
    {
        var length = originalKeys.Length;
        var step = hash2 % length;
        if (step < 0) step += length;
        int index = 0, i = 1;
        while (originalKeys[index] != 0 && i < length)
        {
            index = unchecked(i * step) % length;
            if (index < 0) return 0;
            i++;
        }
        return i < length && originalKeys[index] == 0 ? originalFrequencies[index] : 0;
    }
}
