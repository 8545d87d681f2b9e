namespace ArchiveSearch.Engine.Generation;

/// <summary>Draws an index with probability proportional to its weight (cumulative table, binary search).</summary>
internal sealed class WeightedSampler
{
    private readonly double[] _cumulative;

    public WeightedSampler(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0) throw new ArgumentException("At least one weight is needed.", nameof(weights));
        _cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0 || double.IsNaN(weights[i])) throw new ArgumentException("Weights must not be negative.", nameof(weights));
            total += weights[i];
            _cumulative[i] = total;
        }
        if (total <= 0) throw new ArgumentException("The weights must not all be zero.", nameof(weights));
        for (var i = 0; i < _cumulative.Length; i++) _cumulative[i] /= total;
    }

    public int Count => _cumulative.Length;

    /// <summary>Zipf's law over <paramref name="count"/> ranks: rank r (0-based) has weight 1 / (r + 1)^exponent.</summary>
    public static WeightedSampler Zipf(int count, double exponent)
    {
        var weights = new double[count];
        for (var r = 0; r < count; r++) weights[r] = 1.0 / Math.Pow(r + 1, exponent);
        return new WeightedSampler(weights);
    }

    public int Sample(ArticleRandom random)
    {
        var u = random.NextDouble();
        int lo = 0, hi = _cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
