namespace ArchiveSearch.Engine.Generation;

/// <summary>
/// A small SplitMix64 generator. Each generated article gets its own, seeded from (corpus seed, article
/// index, stream), so articles can be built in any order or in parallel and still come out the same.
/// It is written out here (not <see cref="Random"/>) so the bytes never change with the runtime.
/// </summary>
internal sealed class ArticleRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong _state;

    public ArticleRandom(long seed, long index, int stream = 0)
    {
        _state = Mix(Mix((ulong)seed ^ ((ulong)stream * 0xD1B54A32D192ED03)) + (ulong)index * Golden);
    }

    public ulong NextULong()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive) => (int)(((NextULong() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary><paramref name="min"/> ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit values, so distinct inputs give distinct outputs.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
