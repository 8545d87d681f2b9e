namespace ArchiveSearch.Engine.Generation;

/// <summary>Words with their corpus counts, most frequent first, sampled in proportion to their counts.</summary>
internal sealed class WordList
{
    private readonly WeightedSampler _sampler;

    public WordList(IReadOnlyList<(string Word, long Count)> entries)
    {
        var sorted = entries
            .Where(e => e.Count > 0 && e.Word.Length > 0)
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Word, StringComparer.Ordinal)
            .ToArray();
        Words = [.. sorted.Select(e => e.Word)];
        Counts = [.. sorted.Select(e => e.Count)];
        _sampler = new WeightedSampler([.. Counts.Select(c => (double)c)]);
    }

    public IReadOnlyList<string> Words { get; }
    public IReadOnlyList<long> Counts { get; }
    public int Count => Words.Count;

    public string Sample(ArticleRandom random) => Words[_sampler.Sample(random)];
}
