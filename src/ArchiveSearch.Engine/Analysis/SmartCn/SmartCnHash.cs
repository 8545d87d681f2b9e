namespace ArchiveSearch.Engine.Analysis.SmartCn;

/// <summary>
/// The two string hashes of SmartCn's dictionaries (<c>AbstractDictionary.Hash1</c>, <c>Hash2</c>), bit for bit,
/// computed incrementally so a word pair "w1@w2" is hashed without building it.
/// </summary>
internal static class SmartCnHash
{
    public const long Seed1 = unchecked((long)0xcbf29ce484222325L);
    public const int Seed2 = 5381;
    private const long Prime1 = 1099511628211L;

    public static long Hash1(long hash, char c) => unchecked(((hash ^ (c & 0x00FF)) * Prime1 ^ (c >> 8)) * Prime1);

    public static long Hash1(long hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars) hash = Hash1(hash, c);
        return hash;
    }

    // Precedence as in the original: ((hash << 5) + hash + c) & 0xFF, then ((hash << 5) + hash + c) >> 8.
    public static int Hash2(int hash, char c)
    {
        unchecked
        {
            hash = ((hash << 5) + hash) + c & 0x00FF;
            return ((hash << 5) + hash) + c >> 8;
        }
    }

    public static int Hash2(int hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars) hash = Hash2(hash, c);
        return hash;
    }

    /// <summary>The single-character <c>Hash1(char)</c> (with its extra mixing), used by the word table's index.</summary>
    public static long Hash1OfChar(char c)
    {
        unchecked
        {
            var hash = Hash1(Seed1, c);
            hash += hash << 13;
            hash ^= hash >> 7;
            hash += hash << 3;
            hash ^= hash >> 17;
            hash += hash << 5;
            return hash;
        }
    }
}
